import { AUDIT_ACTION_LABELS } from '@jws/contracts';
import { AuditAction } from './audit.service';

describe('audit action labels (审计日志 screen)', () => {
  it('has a Chinese label for every action the service records', () => {
    for (const action of Object.values(AuditAction)) {
      expect(AUDIT_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
