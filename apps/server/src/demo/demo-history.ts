import {
  Anonymity, CASE_SUBCATEGORIES, CaseKind, CaseStatus, ContactPreference, DEFAULT_CASE_DEADLINES, PreventionActionKind, Role, TimelineEventType,
} from '@jws/contracts';
import type { ObjectLiteral } from 'typeorm';
import { reporterKeyOf } from '../cases';
import { chinaDate, chinaMidnight } from '../common/china-time';
import { DemoHistoryRepository, HistoryCase, HistoryCommunity } from './data/demo-history.repository';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The first of the history's reporters: its existence marks the history as loaded. */
const FIRST_REPORTER = 'history_resident_1';

/** Small deterministic PRNG (mulberry32): every demo gets the same history. */
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

const KINDS: [CaseKind, number][] = [
  [CaseKind.Dispute, 0.28], [CaseKind.ServiceNeed, 0.24], [CaseKind.Hazard, 0.16], [CaseKind.Question, 0.12], [CaseKind.Anomaly, 0.12], [CaseKind.CrimeLead, 0.08],
];
const TITLES: Record<CaseKind, string[]> = {
  [CaseKind.Dispute]: ['楼上装修噪音扰民', '邻居占用楼道堆放杂物', '物业费纠纷协商', '停车位争执', '宠物扰民纠纷'],
  [CaseKind.ServiceNeed]: ['开具无犯罪记录证明', '独居老人求助', '捡到钱包待认领', '户口迁移咨询办理'],
  [CaseKind.Hazard]: ['楼道电动车充电', '消防通道被堵', '路灯损坏', '私拉电线'],
  [CaseKind.Question]: ['居住证办理流程', '养犬登记政策', '身份证补办材料'],
  [CaseKind.Anomaly]: ['陌生人反复敲门推销', '可疑车辆长期停放', '出租屋人员频繁更换'],
  [CaseKind.CrimeLead]: ['小区多起电动车被盗', '疑似电信诈骗窝点', '出租屋疑似聚众赌博'],
};
const PLACES = ['小区东门', '菜市场', '幼儿园门口', '3栋楼道', '社区广场', '沿街商铺'];
const PREVENTION_KINDS = [PreventionActionKind.Patrol, PreventionActionKind.Visit, PreventionActionKind.Reminder];

function pick<T>(rnd: () => number, table: readonly (readonly [T, number])[]): T {
  let x = rnd();
  for (const [value, weight] of table) if ((x -= weight) < 0) return value;
  return table[table.length - 1][0];
}

/**
 * One finished case of a past day, as the service would have left it: accepted (on time or late:
 * each station has its own pace, so the rankings differ), resolved, then confirmed by the
 * reporter or closed after three days; a few refused. Some disputes were settled in an online
 * room first. Rated mostly 4–5.
 */
function historyCase(rnd: () => number, c: HistoryCommunity, reporterId: number, created: number, pace: number): HistoryCase {
  const kind = pick(rnd, KINDS);
  const subs = CASE_SUBCATEGORIES[kind];
  const title = TITLES[kind][Math.floor(rnd() * TITLES[kind].length)];
  const { firstResponseMinutes: fr, resolutionMinutes: res } = DEFAULT_CASE_DEADLINES[kind];
  const officer = { actorId: c.officerId, actorRole: Role.CommunityOfficer };
  const event = (type: TimelineEventType, fromStatus: CaseStatus | null, toStatus: CaseStatus | null, at: number, who: { actorId: number | null; actorRole: Role | null }, note: string | null = null) =>
    ({ type, fromStatus, toStatus, ...who, isPublic: true, note, at: new Date(at) });
  const events: ObjectLiteral[] = [event(TimelineEventType.Submitted, null, CaseStatus.Submitted, created, { actorId: reporterId, actorRole: Role.Resident })];
  const accepted = created + Math.round(fr * pace * (0.2 + rnd()) * MINUTE);
  const refused = rnd() < 0.06;
  let status: CaseStatus;
  let resolvedAt: number | null = null;
  let closedAt: number | null = null;
  let settledAt: number | null = null;
  if (refused) {
    status = CaseStatus.Rejected;
    events.push(event(TimelineEventType.StatusChanged, CaseStatus.Submitted, CaseStatus.Rejected, accepted, officer, '不属于公安管辖，已告知相关部门电话'));
  } else {
    status = CaseStatus.Closed;
    events.push(event(TimelineEventType.StatusChanged, CaseStatus.Submitted, CaseStatus.Accepted, accepted, officer, '已受理'));
    resolvedAt = accepted + Math.round(res * pace * (0.1 + rnd() * 0.6) * MINUTE);
    if (kind === CaseKind.Dispute && rnd() < 0.3) settledAt = resolvedAt - 30 * MINUTE;
    events.push(event(TimelineEventType.StatusChanged, CaseStatus.Accepted, CaseStatus.Resolved, resolvedAt, officer, settledAt ? '调解达成协议' : '已处理完毕'));
    const confirmed = rnd() < 0.6;
    closedAt = confirmed ? resolvedAt + Math.round(rnd() * 2 * DAY) : resolvedAt + 3 * DAY;
    events.push(event(TimelineEventType.StatusChanged, CaseStatus.Resolved, CaseStatus.Closed, closedAt, confirmed ? { actorId: reporterId, actorRole: Role.Resident } : { actorId: null, actorRole: null },
      confirmed ? null : '办结后3天未确认，视为满意'));
  }
  const rated = status === CaseStatus.Closed && rnd() < 0.7;
  const last = closedAt ?? accepted;
  return {
    row: {
      kind, subcategory: subs[Math.floor(rnd() * subs.length)].code, title, description: `${title}，请民警处理。`,
      communityId: c.id, orgPath: c.path, officerId: c.officerId, reporterId, reporterKey: reporterKeyOf(reporterId), status,
      anonymity: Anonymity.None, contactPreference: ContactPreference.InApp, addressText: null, latitude: null, longitude: null, occurredAt: null,
      otherParty: null, seriousRisk: false, heldForReview: false, nextDueAt: null, escalation: 0, duplicateOfId: null,
      rating: rated ? pick(rnd, [[5, 0.55], [4, 0.3], [3, 0.1], [2, 0.05]] as const) : null, ratingComment: null,
      resolvedAt: resolvedAt === null ? null : new Date(resolvedAt), closedAt: closedAt === null ? null : new Date(closedAt),
      createdAt: new Date(created), updatedAt: new Date(last), version: events.length,
    },
    events,
    deadlines: [
      { kind: 'first_response', dueAt: new Date(created + fr * MINUTE), metAt: new Date(accepted), escalation: 0, nextCheckAt: null, leaseOwner: null, leaseUntil: null },
      { kind: 'resolution', dueAt: new Date(created + res * MINUTE), metAt: new Date(resolvedAt ?? accepted), escalation: 0, nextCheckAt: null, leaseOwner: null, leaseUntil: null },
    ],
    settledAt: settledAt === null ? null : new Date(settledAt),
  };
}

/**
 * The demo's past: `days` days before today of finished reports in every community (a few a day,
 * each finished within the day's reach of today, none left open), online settlements, and the
 * 巡逻 / 走访 / 提示 officers recorded, so that the trend charts and the rankings of 数据 mean
 * something. Loaded once, into the demo city only. The daily snapshots of those days are made
 * afterwards (demo.module.ts).
 */
export async function seedDemoHistory(repo: DemoHistoryRepository, days: number, now = new Date()): Promise<{ cases: number; actions: number } | null> {
  if (days <= 0 || (await repo.has(FIRST_REPORTER))) return null;
  const rnd = prng(20261208);
  const communities = await repo.communities();
  const stations = [...new Set(communities.map((c) => c.stationId))];
  // Each station's pace: how long it takes against the deadlines (1: just in time on average).
  const pace = new Map(stations.map((s, i) => [s, [0.7, 1.05, 0.85][i % 3]]));
  const today = chinaMidnight(chinaDate(now)).getTime();
  const start = today - days * DAY;
  const stats = { cases: 0, actions: 0 };
  await repo.write(async (w) => {
    const reporters = new Map<number, number>();
    for (const [i, c] of communities.entries()) {
      reporters.set(c.id, await w.resident(`history_resident_${i + 1}`, `${c.name}居民`, c.id, c.officerId, new Date(start)));
    }
    const cases: HistoryCase[] = [];
    const actions: ObjectLiteral[] = [];
    for (let day = start; day < today; day += DAY) {
      for (const c of communities) {
        const n = Math.floor(rnd() * 4);
        for (let k = 0; k < n; k++) {
          const created = day + Math.round((8 + rnd() * 12) * 60) * MINUTE;
          const one = historyCase(rnd, c, reporters.get(c.id) as number, created, pace.get(c.stationId) ?? 1);
          // Nothing from the past ends after now.
          if ((one.row.updatedAt as Date).getTime() < now.getTime() - MINUTE) cases.push(one);
        }
        if (rnd() < 0.6) {
          actions.push({
            kind: PREVENTION_KINDS[Math.floor(rnd() * 3)], actedAt: new Date(day + Math.round((9 + rnd() * 10) * 60) * MINUTE),
            place: `${c.name}${PLACES[Math.floor(rnd() * PLACES.length)]}`, note: null, caseId: null, communityId: c.id, orgPath: c.path, officerId: c.officerId,
            createdAt: new Date(day + 21 * 3600_000),
          });
        }
      }
    }
    await w.cases(cases);
    await w.preventionActions(actions);
    stats.cases = cases.length;
    stats.actions = actions.length;
  });
  return stats;
}
