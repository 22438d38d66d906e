import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ServiceGuideController } from './service-guide.controller';
import { ServiceGuideService } from './service-guide.service';

@Module({
  imports: [CasesModule],
  controllers: [ServiceGuideController],
  providers: [ServiceGuideService],
  exports: [ServiceGuideService],
})
export class ServiceGuideModule {}
