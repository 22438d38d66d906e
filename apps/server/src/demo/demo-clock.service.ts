import { CaseDetail, ErrorCode, Permission } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { viewerOf } from '../cases/case-views';
import { CasesApi } from '../cases';

/** Escalation steps of one deadline (提醒 → 督办 → 催办) times two deadlines, with room to spare. */
const MAX_REPLAYED_STEPS = 10;

/**
 * 演示时钟, demo mode only (never production, see AppConfig.demo): lets one case's time run on, so the
 * demo and the browser tests can show 逾期, 督办 and 催办 without waiting hours. The case's open
 * deadlines are moved `minutes` earlier, then the real deadline scheduler is run on that case
 * alone at each moment a step fell due in the skipped time, up to now — so every escalation,
 * timeline event and message is the scheduler's own, dated when it would have happened. Other
 * cases are untouched; the scheduler's leases keep it safe next to the running worker.
 */
@Injectable()
export class DemoClockService {
  constructor(
    private readonly cases: CasesApi,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async elapse(caller: Caller, caseId: number, minutes: number, now = new Date()): Promise<CaseDetail> {
    if (!this.config.demo) throw new DomainException(ErrorCode.DemoDisabled);
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff) throw new DomainException(ErrorCode.Forbidden);
    await this.cases.shiftDeadlines(caseId, minutes * 60_000);
    for (let step = 0; step < MAX_REPLAYED_STEPS; step++) {
      const [next] = await this.cases.records.openDeadlinesOf(caseId);
      const at = next?.nextCheckAt;
      if (!at || at.getTime() > now.getTime()) break;
      await this.cases.escalateDue(at, caseId);
    }
    return this.cases.detail(caller, caseId);
  }
}
