import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { CaseDeadlinesWorker } from './case-deadlines.worker';
import { CaseEventEntity } from './case-event.entity';
import { CaseSealedReporterEntity, CaseUnsealEntity, IdempotencyKeyEntity, UploadEntity } from './case-support.entities';
import { CaseWorkflowService } from './case-workflow.service';
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
  providers: [CasesRepository, CasesService, CaseWorkflowService, CaseDeadlinesWorker],
  exports: [CasesService, CaseWorkflowService, CasesRepository, CaseDeadlinesWorker],
})
export class CasesModule {}
