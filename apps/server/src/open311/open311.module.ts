import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { Open311Controller } from './open311.controller';
import { Open311PartnerEntity } from './data/open311-partner.entity';
import { Open311TokenEntity } from './data/open311-token.entity';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 at /open311/v2: public read side and partner submissions. See docs/open311.md. */
@Module({
  imports: [TypeOrmModule.forFeature([Open311PartnerEntity, Open311TokenEntity]), CasesModule],
  controllers: [Open311Controller],
  providers: [Open311Service],
})
export class Open311Module {}
