import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { CaseDeadlinesWorker } from './case-deadlines.worker';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseSealedReporterEntity, CaseUnsealEntity, IdempotencyKeyEntity, UploadEntity } from './case-support.entities';
import { CaseTimeline } from './case-timeline';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesApi } from './cases-api';
import { CaseEventsRepository } from './data/case-events.repository';
import { CaseEntity } from './case.entity';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CaseEntity, CaseEventEntity, CaseDeadlineEntity, IdempotencyKeyEntity, CaseSealedReporterEntity, CaseUnsealEntity, UploadEntity,
    ]),
    NotificationsModule,
    UploadsModule,
  ],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, CaseWorkflowService, CaseDeadlinesWorker, CaseEventsRepository, CaseTimeline, CasesApi],
  exports: [CasesApi, CasesService, CaseWorkflowService, CasesRepository, CaseDeadlinesWorker],
})
export class CasesModule {}
