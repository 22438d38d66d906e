import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AssistFiguresRepository } from './data/assist-figures.repository';
import { ServiceGuideController } from './service-guide.controller';
import { ServiceGuideService } from './service-guide.service';

@Module({
  imports: [CasesModule],
  controllers: [ServiceGuideController],
  providers: [ServiceGuideService, AssistFiguresRepository],
  exports: [ServiceGuideService, AssistFiguresRepository],
})
export class ServiceGuideModule {}
