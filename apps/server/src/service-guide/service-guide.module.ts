import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseAssistsRepository } from './data/case-assists.repository';
import { ServiceMattersRepository } from './data/service-matters.repository';
import { AssistFiguresRepository } from './data/assist-figures.repository';
import { ServiceGuideController } from './service-guide.controller';
import { ServiceGuideService } from './service-guide.service';

@Module({
  imports: [CasesModule],
  controllers: [ServiceGuideController],
  providers: [ServiceMattersRepository, CaseAssistsRepository, ServiceGuideService, AssistFiguresRepository],
  exports: [ServiceGuideService, AssistFiguresRepository],
})
export class ServiceGuideModule {}
