import { Global, Module } from '@nestjs/common';
import { AuditActorsRepository } from './data/audit-actors.repository';
import { AuditEntriesRepository } from './data/audit-entries.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditEntriesRepository, AuditActorsRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
