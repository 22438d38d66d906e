import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { CaseDeadlineEntity } from './data/case-deadline.entity';
import { CaseDeadlinesWorker } from './case-deadlines.worker';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseSealedReporterEntity } from './data/case-sealed-reporter.entity';
import { CaseUnsealEntity } from './data/case-unseal.entity';
import { IdempotencyKeyEntity } from './data/idempotency-key.entity';
import { CaseTimeline } from './case-timeline';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesApi } from './cases-api';
import { CaseEventsRepository } from './data/case-events.repository';
import { CaseFiguresRepository } from './data/case-figures.repository';
import { CaseRecordsRepository } from './data/case-records.repository';
import { CaseReportsRepository } from './data/case-reports.repository';
import { CaseEntity } from './data/case.entity';
import { CasesController } from './cases.controller';
import { CasesRepository } from './data/cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CaseEntity, CaseEventEntity, CaseDeadlineEntity, IdempotencyKeyEntity, CaseSealedReporterEntity, CaseUnsealEntity,
    ]),
    NotificationsModule,
    UploadsModule,
  ],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, CaseWorkflowService, CaseDeadlinesWorker, CaseEventsRepository, CaseRecordsRepository, CaseReportsRepository, CaseFiguresRepository, CaseTimeline, CasesApi],
  exports: [CasesApi, CasesService, CaseWorkflowService, CasesRepository, CaseDeadlinesWorker],
})
export class CasesModule {}
