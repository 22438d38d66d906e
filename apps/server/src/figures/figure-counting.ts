import { CaseKind, FigureCounter, FigureRecordType } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { CasesApi } from '../cases';
import type { FigureTarget, TimeRange } from '../common/db';
import { MediationFiguresRepository } from '../mediation';
import { AssistFiguresRepository } from '../service-guide';
import { BULLETIN_PUSH_COUNTS, BulletinPushCounts, BulletinPushRecord } from './bulletin-push-counts';
import { PreventionActionsRepository } from './data/prevention-actions.repository';

/** One record behind a counter and the moment that put it in the period. */
export interface FigureRef {
  type: FigureRecordType;
  id: number;
  at: Date;
  /** Bulletin pushes come with what the list shows (the port answers them whole). */
  push?: BulletinPushRecord;
}

/** The records of every counter; null for a counter whose source is not connected. */
export type CounterRecords = Record<FigureCounter, FigureRef[] | null>;

const cases = (list: { id: number; at: Date }[]): FigureRef[] => list.map((c) => ({ type: 'case', id: c.id, at: c.at }));
const earlier = (a: Date | null | undefined, b: Date | null | undefined): Date | null =>
  !a ? b ?? null : !b ? a : a.getTime() <= b.getTime() ? a : b;

/**
 * The six counters as lists of the records behind them (docs/figures.md), composed from the
 * faces of the features that own the tables: cases (CasesApi.figures), mediation, the service
 * guide's 请民警协助, bulletin pushes (a port until #21 lands) and this feature's prevention actions.
 */
@Injectable()
export class FigureCounting {
  constructor(
    private readonly cases: CasesApi,
    private readonly mediation: MediationFiguresRepository,
    private readonly assists: AssistFiguresRepository,
    private readonly prevention: PreventionActionsRepository,
    @Inject(BULLETIN_PUSH_COUNTS) private readonly bulletins: BulletinPushCounts,
  ) {}

  async all(target: FigureTarget, range: TimeRange): Promise<CounterRecords> {
    const [pushes, disputesResolved, services, prevention, anomalies] = await Promise.all([
      this.bulletins.pushes(target, range),
      this.disputesResolved(target, range),
      this.services(target, range),
      this.preventionRecords(target, range),
      this.anomalies(target, range),
    ]);
    const push = (list: BulletinPushRecord[]): FigureRef[] => list.map((p) => ({ type: 'bulletin_push', id: p.id, at: p.at, push: p }));
    return {
      publicity: pushes ? push(pushes.publicity) : null,
      notices: pushes ? push(pushes.notices) : null,
      disputesResolved, services, prevention, anomalies,
    };
  }

  async one(counter: FigureCounter, target: FigureTarget, range: TimeRange): Promise<FigureRef[] | null> {
    switch (counter) {
      case 'publicity':
      case 'notices': {
        const pushes = await this.bulletins.pushes(target, range);
        return pushes ? pushes[counter].map((p) => ({ type: 'bulletin_push', id: p.id, at: p.at, push: p })) : null;
      }
      case 'disputesResolved':
        return this.disputesResolved(target, range);
      case 'services':
        return this.services(target, range);
      case 'prevention':
        return this.preventionRecords(target, range);
      case 'anomalies':
        return this.anomalies(target, range);
    }
  }

  /**
   * 化解矛盾: dispute cases, each once, at the first of its first resolution and its first
   * settlement (online or offline), when that falls in the period.
   */
  private async disputesResolved(target: FigureTarget, range: TimeRange): Promise<FigureRef[]> {
    const [resolved, settled] = await Promise.all([
      this.cases.figures.firstResolved(target, [CaseKind.Dispute], range),
      this.mediation.settledIn(range),
    ]);
    const resolvedIds = new Set(resolved.map((r) => r.id));
    const settledOnly = settled.filter((s) => !resolvedIds.has(s.caseId));
    const [settledBefore, resolutionsOfSettled] = await Promise.all([
      this.mediation.firstSettledOf(resolved.map((r) => r.id)),
      this.cases.figures.firstResolvedOf(target, [CaseKind.Dispute], settledOnly.map((s) => s.caseId)),
    ]);
    const out: FigureRef[] = [];
    for (const r of resolved) {
      const at = earlier(r.at, settledBefore.get(r.id)) as Date;
      if (at.getTime() >= range.from.getTime()) out.push({ type: 'case', id: r.id, at });
    }
    const firstSettled = await this.mediation.firstSettledOf(settledOnly.filter((s) => resolutionsOfSettled.has(s.caseId)).map((s) => s.caseId));
    for (const s of settledOnly) {
      // Absent from the map: outside the target, or not a dispute.
      if (!resolutionsOfSettled.has(s.caseId)) continue;
      const at = earlier(resolutionsOfSettled.get(s.caseId), firstSettled.get(s.caseId)) as Date;
      if (at.getTime() >= range.from.getTime()) out.push({ type: 'case', id: s.caseId, at });
    }
    return out;
  }

  /** 便民服务: service cases closed in the period, and 请民警协助 cases of another kind closed in it. */
  private async services(target: FigureTarget, range: TimeRange): Promise<FigureRef[]> {
    const [service, other] = await Promise.all([
      this.cases.figures.closed(target, [CaseKind.ServiceNeed], range),
      this.cases.figures.closed(target, [CaseKind.ServiceNeed], range, true),
    ]);
    const assists = await this.assists.assistsAmong(other.map((c) => c.id));
    return [...cases(service), ...cases(other.filter((c) => assists.has(c.id)))];
  }

  /** 安全防范: hazard cases first resolved in the period, and prevention actions done in it. */
  private async preventionRecords(target: FigureTarget, range: TimeRange): Promise<FigureRef[]> {
    const [hazards, actions] = await Promise.all([
      this.cases.figures.firstResolved(target, [CaseKind.Hazard], range),
      this.prevention.doneIn(target, range),
    ]);
    return [...cases(hazards), ...actions.map((a): FigureRef => ({ type: 'prevention_action', id: a.id, at: a.at }))];
  }

  /** 收集异常报告: leads and anomaly reports received in the period. */
  private async anomalies(target: FigureTarget, range: TimeRange): Promise<FigureRef[]> {
    return cases(await this.cases.figures.received(target, [CaseKind.CrimeLead, CaseKind.Anomaly], range));
  }
}
