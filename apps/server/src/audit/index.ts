/**
 * The audit feature's face: what other features may import from audit (docs/architecture.md).
 * Its data (the entry entity and its repository: audit/data/) stays inside.
 */
export { AuditModule } from './audit.module';
export { AuditAction, AuditService } from './audit.service';
export type { AuditFilter, AuditInput } from './audit.service';
