import {
  CASE_STATUS_LABELS, DEFAULT_GOVERNANCE_CLASS, ErrorCode, GOVERNANCE_CLASS_LABELS, GovernanceClass, GovernanceDigest,
  GovernanceClassView, GovernanceDigestCase, Permission, TimelineEventType, CaseKind,
} from '@jws/contracts';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { viewerOf } from '../cases/case-views';
import { CasesApi, DigestCaseRow, DigestGroupRow } from '../cases';
import { DigestSnapshots } from '../figures';
import { chinaDate, chinaMidnight } from '../common/china-time';
import { caseNumber } from '../cases/case-number';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Hotline12345Client, HotlineApiError } from '../hotline12345/hotline12345.client';
import { OutboxEntity } from '../notifications';
import { OUTBOX_TOPIC_GOVERNANCE_RISK } from '../notifications/notifications.service';
import { OutboxDeliveryError, OutboxWorker } from '../notifications/outbox.worker';
import { CaseGovernanceRepository } from './data/case-governance.repository';
import { ReferralPeopleRepository } from './data/referral-people.repository';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import { ReferralsRepository } from './data/referrals.repository';

/** Cases the in-app digest lists (the counts cover them all); the CSV lists up to the second. */
const DIGEST_LIMIT = 2000;
const DIGEST_CSV_LIMIT = 50_000;

/**
 * 基层社会治理衔接: every case carries a governance class (the officer's, else the kind's default);
 * a daily digest per jurisdiction lists the cases in handling by class for the 政法委 and the 综治
 * office; serious-risk cases are reported at once through the outbox.
 */
@Injectable()
export class GovernanceService implements OnModuleInit {
  private readonly logger = new Logger(GovernanceService.name);

  constructor(
    private readonly cases: CasesApi,
    private readonly outbox: OutboxWorker,
    private readonly governance: CaseGovernanceRepository,
    private readonly referrals: ReferralsRepository,
    private readonly targets: ReferralTargetsRepository,
    private readonly people: ReferralPeopleRepository,
    private readonly db: Database,
    private readonly snapshots: DigestSnapshots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register(OUTBOX_TOPIC_GOVERNANCE_RISK, { deliver: (row) => this.reportSeriousRisk(row) });
  }

  async classify(caller: Caller, caseId: number, governanceClass: GovernanceClass): Promise<GovernanceClassView> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    const now = new Date();
    await this.db.transaction(async ({ manager: m }) => {
      await this.governance.classify(m, { caseId, governanceClass, classifiedBy: caller.user.id, classifiedAt: now });
      await this.cases.timeline.append(m, caseId, {
        type: TimelineEventType.Note, actor: { userId: caller.user.id, role: caller.user.role },
        isPublic: false, note: `诉求分类：${GOVERNANCE_CLASS_LABELS[governanceClass]}`, at: now,
      });
    });
    return { caseId, governanceClass };
  }

  async classOf(caller: Caller, caseId: number): Promise<GovernanceClassView> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    return { caseId, governanceClass: (await this.governance.classOf(caseId)) ?? DEFAULT_GOVERNANCE_CLASS[entity.kind] };
  }

  /**
   * Cases in handling at the end of `date` (UTC+8) in the caller's jurisdiction, by class. The counts
   * are over every such case; the list holds the first `limit` (serious risk first, newest first).
   * A past day is read as it was then: from the day's snapshot where one was kept (the cases in
   * handling at its end, where they were then: a case transferred since is under its old station),
   * else from the records: a case's status at the end of that day is the last status its timeline
   * had reached by then (a case closed since still counts; one closed before does not).
   */
  async digest(caller: Caller, date?: string, limit = DIGEST_LIMIT): Promise<GovernanceDigest> {
    // The digest's day runs midnight to midnight in China time.
    const day = date ?? chinaDate(Date.now());
    const end = new Date(chinaMidnight(day).getTime() + 86_400_000);
    if (Number.isNaN(end.getTime())) throw new DomainException(ErrorCode.ValidationFailed, ['date 无效']);
    // A day that has not begun in China has no digest (it would show today's cases under that date).
    if (chinaMidnight(day).getTime() > chinaMidnight(chinaDate(Date.now())).getTime()) {
      throw new DomainException(ErrorCode.ValidationFailed, ['不能查看未来日期的日报']);
    }
    const pastDay = end.getTime() <= Date.now();
    const kept = pastDay ? await this.snapshots.openCases(day, caller.scope) : null;
    const { rows, groups } = kept ? await this.keptRows(kept, limit) : await this.cases.openAt(caller.scope, end, pastDay, limit);

    const classOf = (r: { governanceClass: string | null; kind: CaseKind }) => (r.governanceClass as GovernanceClass | null) ?? DEFAULT_GOVERNANCE_CLASS[r.kind];
    const counts = Object.fromEntries(Object.values(GovernanceClass).map((g) => [g, 0])) as Record<GovernanceClass, number>;
    let total = 0;
    let seriousRiskCount = 0;
    for (const g of groups) {
      counts[classOf(g)] += g.n;
      total += g.n;
      if (g.seriousRisk) seriousRiskCount += g.n;
    }
    const referredTo = await this.referredTo(rows.map((r) => r.id));
    const cases: GovernanceDigestCase[] = rows.map((r) => ({
      caseId: r.id,
      number: caseNumber(r.createdAt, r.id),
      title: r.title,
      governanceClass: classOf(r),
      status: r.status,
      communityName: r.communityName,
      seriousRisk: r.seriousRisk,
      referredTo: referredTo.get(r.id) ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
    return { date: day, jurisdiction: await this.jurisdictionName(caller), total, counts, seriousRiskCount, cases };
  }

  /** A kept day's cases as the digest lists them: serious risk first, newest first, the first `limit`; the counts over all. */
  private async keptRows(kept: { caseId: number; communityId: number; status: string }[], limit: number): Promise<{ rows: DigestCaseRow[]; groups: DigestGroupRow[] }> {
    const found = new Map((await this.cases.digestRowsOf(kept.map((k) => k.caseId))).map((r) => [r.id, r]));
    const all = kept.flatMap((k) => {
      const row = found.get(k.caseId);
      return row ? [{ ...row, status: k.status as DigestCaseRow['status'], communityId: k.communityId }] : [];
    });
    const groups = new Map<string, DigestGroupRow>();
    for (const r of all) {
      const key = `${r.governanceClass}|${r.kind}|${r.seriousRisk}`;
      const g = groups.get(key) ?? { governanceClass: r.governanceClass, kind: r.kind, seriousRisk: r.seriousRisk, n: 0 };
      g.n += 1;
      groups.set(key, g);
    }
    const listed = all.sort((a, b) => Number(b.seriousRisk) - Number(a.seriousRisk) || b.id - a.id).slice(0, limit);
    const names = new Map<number, string>();
    for (const id of new Set(listed.map((r) => r.communityId))) names.set(id, (await this.people.unit(id))?.name ?? '');
    return { rows: listed.map(({ communityId, ...r }) => ({ ...r, communityName: names.get(communityId) ?? '' })), groups: [...groups.values()] };
  }

  /** The digest as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese). */
  async digestCsv(caller: Caller, date?: string): Promise<{ filename: string; csv: string }> {
    const d = await this.digest(caller, date, DIGEST_CSV_LIMIT);
    const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [
      ['编号', '标题', '诉求分类', '办理状态', '社区', '严重现实危险', '转办对象', '上报时间'].join(','),
      ...d.cases.map((c) =>
        [c.number, c.title, GOVERNANCE_CLASS_LABELS[c.governanceClass], CASE_STATUS_LABELS[c.status], c.communityName, c.seriousRisk ? '是' : '否', c.referredTo ?? '', c.createdAt]
          .map((v) => cell(String(v)))
          .join(','),
      ),
    ];
    return { filename: `governance-digest-${d.date}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
  }

  private async referredTo(caseIds: number[]): Promise<Map<number, string>> {
    if (!caseIds.length) return new Map();
    const referrals = await this.referrals.openOfCases(caseIds);
    const targets = await this.targets.byIds(referrals.map((r) => r.targetId));
    return new Map(referrals.map((r) => [r.caseId, targets.get(r.targetId)?.name ?? '']));
  }

  private async jurisdictionName(caller: Caller): Promise<string> {
    if (caller.scope.kind === 'officer') return `${caller.user.nickname}责任区`;
    const unit = caller.user.orgUnitId ? await this.people.unit(caller.user.orgUnitId) : null;
    return unit?.name ?? '';
  }

  /** Outbox delivery of a serious-risk report to the 综治 platform; skipped (digest only) when none is configured. */
  private async reportSeriousRisk(row: OutboxEntity): Promise<{ status: 'sent' | 'skipped'; note: string | null }> {
    const { caseId } = JSON.parse(row.payload) as { caseId: number };
    const { governanceReportUrl } = this.config;
    if (!governanceReportUrl) return { status: 'skipped', note: 'GOVERNANCE_REPORT_URL not configured: in-app alerts and the daily digest only' };
    const entity = await this.cases.records.get(caseId);
    const community = await this.people.unit(entity.communityId);
    const flag = await this.cases.timeline.latest(caseId, TimelineEventType.SeriousRisk);
    const governanceClass = await this.governance.classOf(caseId);
    const base = new URL(governanceReportUrl);
    const client = new Hotline12345Client(base.origin, this.config.hotline12345.token);
    try {
      await client.report(
        {
          caseNumber: entity.number,
          title: entity.title,
          governanceClass: GOVERNANCE_CLASS_LABELS[governanceClass ?? DEFAULT_GOVERNANCE_CLASS[entity.kind]],
          community: community?.name ?? '',
          note: flag?.note ?? '',
          status: CASE_STATUS_LABELS[entity.status],
          flaggedAt: (flag?.at ?? new Date()).toISOString(),
        },
        `jws-risk-${entity.id}`,
      );
    } catch (err) {
      if (err instanceof HotlineApiError) throw new OutboxDeliveryError(err.message, err.retryable);
      throw err;
    }
    this.logger.log(`serious-risk case ${entity.number} reported to the 综治 platform`);
    return { status: 'sent', note: null };
  }
}
