import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { Open311Repository } from './data/open311.repository';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 at /open311/v2: public read side and partner submissions. See docs/open311.md. */
@Module({
  imports: [CasesModule],
  controllers: [Open311Controller],
  providers: [Open311Service, Open311Repository],
})
export class Open311Module {}
