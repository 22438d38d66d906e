import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { OrgUnitsModule } from '../org';
import { CaseHandover } from './case-handover';
import { CaseTrailsRepository } from './data/case-trails.repository';
import { CaseDeadlinesWorker } from './case-deadlines.worker';
import { CaseContactService } from './case-contact.service';
import { CaseTimeline } from './case-timeline';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesApi } from './cases-api';
import { CaseEventsRepository } from './data/case-events.repository';
import { CaseFiguresRepository } from './data/case-figures.repository';
import { CaseRecordsRepository } from './data/case-records.repository';
import { CaseReportsRepository } from './data/case-reports.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './data/cases.repository';
import { CasesService } from './cases.service';
import { CaseChangesRepository } from './data/case-changes.repository';
import { CaseDigestRepository } from './data/case-digest.repository';
import { PublicCasesRepository } from './data/public-cases.repository';
import { CaseDeadlinesRepository } from './data/case-deadlines.repository';
import { CaseIntakeService } from './case-intake.service';
import { CaseReportingService } from './case-reporting.service';

@Module({
  imports: [
    NotificationsModule,
    UploadsModule,
    OrgUnitsModule,
  ],
  controllers: [CasesController],
  providers: [
    CasesService, CaseReportingService, CaseIntakeService, CaseWorkflowService, CaseContactService, CaseDeadlinesWorker, CaseTimeline, CasesApi,
    CasesRepository, CaseChangesRepository, CaseDeadlinesRepository, CaseDigestRepository, PublicCasesRepository, CaseEventsRepository,
    CaseRecordsRepository, CaseReportsRepository, CaseFiguresRepository, CaseTrailsRepository, CaseHandover,
  ],
  exports: [CasesApi, CasesService, CaseWorkflowService, CasesRepository, CaseDeadlinesWorker],
})
export class CasesModule {}
