import { Global, Module } from '@nestjs/common';
import { AuditEntriesRepository } from './data/audit-entries.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditEntriesRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
