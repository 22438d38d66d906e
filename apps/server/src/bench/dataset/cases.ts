import {
  Anonymity, CaseKind, CaseStatus, CASE_SUBCATEGORIES, ContactPreference, DEFAULT_CASE_DEADLINES, EscalationLevel,
  Role, TERMINAL_STATUSES, TimelineEventType,
} from '@jws/contracts';
import { DataSource } from 'typeorm';
import { reporterKeyOf } from '../../cases/data/cases.repository';
import { FieldCipher } from '../../personal-data/field-cipher';
import { CASES, COMMUNITIES, RESIDENTS, insertRows, type City } from './city';

/* The bench's cases, with their timelines and deadlines as the service would have left them. */

/** Server default (ESCALATION_STEP_MINUTES); the bench does not override it. */
const ESCALATION_STEP_MINUTES = 30;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Small deterministic PRNG (mulberry32), so every run generates the same city. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted choice: [value, weight][] with weights summing to 1. */
function pick<T>(rnd: () => number, table: readonly (readonly [T, number])[]): T {
  let x = rnd();
  for (const [value, weight] of table) {
    if ((x -= weight) < 0) return value;
  }
  return table[table.length - 1][0];
}

const KIND_MIX: [CaseKind, number][] = [
  [CaseKind.Dispute, 0.3], [CaseKind.ServiceNeed, 0.22], [CaseKind.Hazard, 0.15], [CaseKind.Question, 0.15],
  [CaseKind.Anomaly, 0.1], [CaseKind.CrimeLead, 0.08],
];
/** ~90 % finished (mostly closed), ~10 % open. */
const STATUS_MIX: [CaseStatus, number][] = [
  [CaseStatus.Closed, 0.84], [CaseStatus.Rejected, 0.035], [CaseStatus.Duplicate, 0.025],
  [CaseStatus.InProgress, 0.03], [CaseStatus.Accepted, 0.02], [CaseStatus.Resolved, 0.02], [CaseStatus.Submitted, 0.015],
  [CaseStatus.InMediation, 0.006], [CaseStatus.Referred, 0.005], [CaseStatus.Transferred, 0.002], [CaseStatus.Reopened, 0.002],
];
/** Share of open cases whose earliest unmet deadline has passed. */
const OVERDUE_SHARE = 0.3;

const TITLES: Record<CaseKind, string[]> = {
  [CaseKind.Dispute]: ['楼上装修噪音扰民', '邻居占用楼道堆放杂物', '物业费纠纷协商', '拖欠工资讨薪', '停车位争执'],
  [CaseKind.Hazard]: ['楼道电动车充电', '消防通道被堵', '路灯损坏', '井盖缺失', '私拉电线'],
  [CaseKind.CrimeLead]: ['小区多起电动车被盗', '疑似电信诈骗窝点', '出租屋疑似聚众赌博', '可疑交易线索'],
  [CaseKind.Anomaly]: ['陌生人反复敲门推销', '可疑车辆长期停放', '出租屋人员频繁更换', '深夜异常聚集'],
  [CaseKind.ServiceNeed]: ['户口迁移咨询办理', '开具无犯罪记录证明', '独居老人求助', '捡到钱包待认领'],
  [CaseKind.Question]: ['居住证办理流程', '养犬登记政策', '身份证补办材料', '电动车上牌政策'],
};

interface DeadlineRow {
  kind: 'first_response' | 'resolution';
  dueAt: Date;
  metAt: Date | null;
  escalation: EscalationLevel;
  nextCheckAt: Date | null;
}

/** An unmet deadline as the scheduler would have left it by `now` (escalated once per step since due). */
function unmet(kind: DeadlineRow['kind'], dueAt: Date, now: number): DeadlineRow {
  const late = now - dueAt.getTime();
  if (late < 0) return { kind, dueAt, metAt: null, escalation: EscalationLevel.None, nextCheckAt: dueAt };
  const step = ESCALATION_STEP_MINUTES * MINUTE;
  const escalation = Math.min(EscalationLevel.BranchUrging, 1 + Math.floor(late / step)) as EscalationLevel;
  const nextCheckAt = escalation < EscalationLevel.BranchUrging ? new Date(dueAt.getTime() + escalation * step) : null;
  return { kind, dueAt, metAt: null, escalation, nextCheckAt };
}

/**
 * 100,000 cases spread over the communities, each with 3–6 timeline events and its two deadline
 * rows, consistent with what the service itself would have written: org_path and officer_id from
 * the community, reporter_key from the reporter (a member of it), next_due_at/escalation from the
 * unmet deadlines. Ids are explicit so the child rows need no read-back.
 */
export async function generateCases(ds: DataSource, city: City, now = Date.now()): Promise<{ cases: number; events: number; open: number; overdue: number }> {
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const rnd = prng(20261124);
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const caseColumns = [
    'id', 'kind', 'subcategory', 'title', 'description', 'community_id', 'org_path', 'officer_id', 'reporter_id',
    'reporter_key', 'status', 'anonymity', 'contact_preference', 'address_text', 'latitude', 'longitude', 'occurred_at',
    'other_party_enc', 'serious_risk', 'held_for_review', 'next_due_at', 'escalation', 'duplicate_of_id', 'rating',
    'rating_comment', 'resolved_at', 'closed_at', 'created_at', 'updated_at', 'version',
  ];
  const eventColumns = ['case_id', 'type', 'from_status', 'to_status', 'actor_id', 'actor_role', 'is_public', 'note', 'at'];
  const deadlineColumns = ['case_id', 'kind', 'due_at', 'met_at', 'escalation', 'next_check_at', 'lease_owner', 'lease_until'];
  const perCommunity = Math.floor(RESIDENTS / COMMUNITIES);
  const stats = { cases: 0, events: 0, open: 0, overdue: 0 };
  const BATCH = 1000;
  for (let start = 1; start <= CASES; start += BATCH) {
    const cases: unknown[][] = [];
    const events: unknown[][] = [];
    const deadlines: unknown[][] = [];
    for (let id = start; id < start + BATCH && id <= CASES; id++) {
      const ci = Math.floor(rnd() * COMMUNITIES);
      const community = city.communities[ci];
      const reporterId = city.residentIds[ci + COMMUNITIES * Math.floor(rnd() * perCommunity)];
      const kind = pick(rnd, KIND_MIX);
      const status = pick(rnd, STATUS_MIX);
      const subcategories = CASE_SUBCATEGORIES[kind];
      const subcategory = subcategories[Math.floor(rnd() * subcategories.length)].code;
      const titles = TITLES[kind];
      const title = titles[Math.floor(rnd() * titles.length)];
      const { firstResponseMinutes: fr, resolutionMinutes: res } = DEFAULT_CASE_DEADLINES[kind];
      const terminal = TERMINAL_STATUSES.includes(status);
      const overdue = !terminal && status !== CaseStatus.Resolved && rnd() < OVERDUE_SHARE;

      // When things happened. Finished cases spread over the past year by id; open ones are recent.
      let created: number;
      let restartedAt: number | null = null; // transfer/reopen restarts the deadlines
      if (terminal) created = now - 365 * DAY + (id / CASES) * 355 * DAY + between(0, DAY);
      else if (status === CaseStatus.Resolved) created = now - between(2 * 60 * MINUTE, 12 * DAY);
      else if (status === CaseStatus.Submitted || status === CaseStatus.Transferred || status === CaseStatus.Reopened) {
        const base = overdue ? now - fr * MINUTE - between(5 * MINUTE, 2 * DAY) : now - between(0, fr * 0.9 * MINUTE);
        if (status === CaseStatus.Submitted) created = base;
        else {
          restartedAt = base;
          created = base - between(DAY, 6 * DAY);
        }
      } else created = overdue ? now - res * MINUTE - between(10 * MINUTE, 5 * DAY) : now - between(fr * 2 * MINUTE, res * 0.9 * MINUTE);

      const actorOfficer = [community.officerId, Role.CommunityOfficer] as const;
      const timeline: [TimelineEventType, CaseStatus | null, CaseStatus | null, number | null, Role | null, boolean, string | null, number][] = [
        [TimelineEventType.Submitted, null, CaseStatus.Submitted, reporterId, Role.Resident, true, null, created],
      ];
      let t = created;
      const later = (maxMinutes: number) => (t = Math.min(now - MINUTE, t + between(MINUTE, maxMinutes * MINUTE)));
      const move = (from: CaseStatus, to: CaseStatus, actor: readonly [number | null, Role | null], maxMinutes: number, note: string | null = null) =>
        timeline.push([TimelineEventType.StatusChanged, from, to, actor[0], actor[1], true, note, later(maxMinutes)]);
      const note = (text: string, isPublic: boolean, maxMinutes = 240) =>
        timeline.push([TimelineEventType.Note, null, null, community.officerId, Role.CommunityOfficer, isPublic, text, later(maxMinutes)]);
      let resolvedAt: number | null = null;
      let closedAt: number | null = null;
      let firstMet: number | null = null;
      let allMet: number | null = null;
      let heldForReview = false;
      switch (status) {
        case CaseStatus.Closed:
          move(CaseStatus.Submitted, CaseStatus.Accepted, actorOfficer, fr);
          firstMet = t;
          move(CaseStatus.Accepted, CaseStatus.InProgress, actorOfficer, 600);
          if (rnd() < 0.5) note('已联系当事人，正在协调处理', true);
          move(CaseStatus.InProgress, CaseStatus.Resolved, actorOfficer, res * 0.8, '已处理完毕');
          resolvedAt = allMet = t;
          if (rnd() < 0.6) move(CaseStatus.Resolved, CaseStatus.Closed, [reporterId, Role.Resident], 2 * 24 * 60);
          else {
            t = Math.min(now - MINUTE, resolvedAt + 3 * DAY + between(0, 10 * MINUTE));
            timeline.push([TimelineEventType.StatusChanged, CaseStatus.Resolved, CaseStatus.Closed, null, null, true, '办结后3天未确认，视为满意', t]);
          }
          closedAt = t;
          break;
        case CaseStatus.Rejected:
        case CaseStatus.Duplicate:
          note(status === CaseStatus.Rejected ? '不属于公安管辖，已告知相关部门电话' : '与此前上报为同一事项', false, fr);
          move(CaseStatus.Submitted, status, actorOfficer, 60, status === CaseStatus.Rejected ? '不予受理' : '重复上报');
          firstMet = allMet = t;
          break;
        case CaseStatus.Submitted:
          if (rnd() < 0.5) timeline.push([TimelineEventType.ReporterInfo, null, null, reporterId, Role.Resident, true, '补充：今天晚上又发生了', later(fr / 2)]);
          else {
            heldForReview = true;
            timeline.push([TimelineEventType.HeldForReview, null, null, null, null, false, '内容安全检测未通过或不可用，待民警人工审核', t]);
          }
          break;
        case CaseStatus.Transferred:
        case CaseStatus.Reopened:
          move(CaseStatus.Submitted, CaseStatus.Accepted, actorOfficer, fr);
          t = (restartedAt as number) - MINUTE;
          if (status === CaseStatus.Transferred) move(CaseStatus.Accepted, CaseStatus.Transferred, actorOfficer, 1, '转交属地社区');
          else {
            move(CaseStatus.Accepted, CaseStatus.Resolved, actorOfficer, 1, '已处理完毕');
            move(CaseStatus.Resolved, CaseStatus.Reopened, [reporterId, Role.Resident], 1, '问题仍未解决');
          }
          break;
        default: {
          // accepted, in_progress, in_mediation, referred, resolved
          move(CaseStatus.Submitted, CaseStatus.Accepted, actorOfficer, fr);
          firstMet = t;
          if (status !== CaseStatus.Accepted) {
            const via = status === CaseStatus.Resolved ? CaseStatus.InProgress : status;
            move(CaseStatus.Accepted, via, actorOfficer, 600);
          }
          note('已上门了解情况', rnd() < 0.5);
          if (status === CaseStatus.Resolved) {
            move(CaseStatus.InProgress, CaseStatus.Resolved, actorOfficer, 60, '已处理完毕');
            // Resolved within the auto-confirm window, so the bench's scheduler does not close them.
            t = Math.max(t, now - between(MINUTE, 2 * DAY));
            (timeline[timeline.length - 1] as unknown[])[7] = t;
            resolvedAt = allMet = t;
          }
        }
      }

      // Deadlines as settleDeadlines/refreshNextDue leave them.
      const base = restartedAt ?? created;
      const firstDue = new Date(base + fr * MINUTE);
      const resolutionDue = new Date(base + res * MINUTE);
      const rows: DeadlineRow[] = [
        firstMet !== null || allMet !== null
          ? { kind: 'first_response', dueAt: firstDue, metAt: new Date(firstMet ?? (allMet as number)), escalation: 0, nextCheckAt: null }
          : unmet('first_response', firstDue, now),
        allMet !== null
          ? { kind: 'resolution', dueAt: resolutionDue, metAt: new Date(allMet), escalation: 0, nextCheckAt: null }
          : unmet('resolution', resolutionDue, now),
      ];
      const open = rows.filter((d) => !d.metAt).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      const nextDueAt = open[0]?.dueAt ?? null;
      const escalation = Math.max(0, ...open.map((d) => d.escalation));
      for (const d of open) {
        for (let level = 1; level <= d.escalation && timeline.length < 6; level++) {
          const at = d.dueAt.getTime() + (level - 1) * ESCALATION_STEP_MINUTES * MINUTE;
          timeline.push([TimelineEventType.Escalated, null, null, null, null, false, `${d.kind === 'first_response' ? '首次响应' : '办结'}已超时`, at]);
        }
      }
      if (timeline.length < 3) note('已电话联系上报人', false, 30);
      timeline.splice(6);
      timeline.sort((a, b) => a[7] - b[7]);
      if (!terminal) stats.open++;
      if (nextDueAt && nextDueAt.getTime() < now) stats.overdue++;

      const rated = status === CaseStatus.Closed && rnd() < 0.7;
      const updated = Math.max(...timeline.map((e) => e[7]));
      cases.push([
        id, kind, subcategory, title, `${title}。具体情况：${'情况描述'.repeat(1 + Math.floor(rnd() * 8))}`,
        community.id, community.path, community.officerId, reporterId, reporterKeyOf(reporterId), status,
        rnd() < 0.15 ? Anonymity.Others : Anonymity.None, pick(rnd, [[ContactPreference.InApp, 0.6], [ContactPreference.Phone, 0.35], [ContactPreference.NoContact, 0.05]] as const),
        kind === CaseKind.Hazard || rnd() < 0.3 ? `${Math.floor(rnd() * 30) + 1}栋${Math.floor(rnd() * 6) + 1}单元` : null,
        rnd() < 0.3 ? 30 + rnd() : null, null, null,
        kind === CaseKind.Dispute && rnd() < 0.5 ? FieldCipher.encrypt(`楼上${Math.floor(rnd() * 30) + 1}02住户`) : null,
        rnd() < 0.005 ? 1 : 0, heldForReview ? 1 : 0, nextDueAt, escalation,
        status === CaseStatus.Duplicate && id > 1 ? id - 1 - Math.floor(rnd() * Math.min(id - 1, 500)) : null,
        rated ? 3 + Math.floor(rnd() * 3) : null, rated && rnd() < 0.3 ? '民警很负责' : null,
        resolvedAt === null ? null : new Date(resolvedAt), closedAt === null ? null : new Date(closedAt),
        new Date(created), new Date(updated), timeline.length,
      ]);
      for (const e of timeline) events.push([id, e[0], e[1], e[2], e[3], e[4], e[5] ? 1 : 0, e[6], new Date(e[7])]);
      for (const d of rows) deadlines.push([id, d.kind, d.dueAt, d.metAt, d.escalation, d.nextCheckAt, null, null]);
      stats.cases++;
      stats.events += timeline.length;
    }
    await insertRows(q, 'cases', caseColumns, cases);
    for (let i = 0; i < events.length; i += 2000) await insertRows(q, 'case_events', eventColumns, events.slice(i, i + 2000));
    await insertRows(q, 'case_deadlines', deadlineColumns, deadlines);
  }
  return stats;
}
