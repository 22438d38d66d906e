import { CaseAction, MessageKind, previousMonth } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { CallerName, OWN_SIDE } from './expected';
import type { Side, World } from './world';

/** What one call of the matrix sends besides the caller's token. */
export interface Probe {
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A multipart upload of a small PNG instead of a JSON body. */
  upload?: true;
}

type Ids = (side: Side, w: World, who: CallerName) => Record<string, string | number>;

/**
 * The ids each path names, by where the path starts. A caller's own side gives their own ids; the
 * other side gives ids from another jurisdiction. Notifications are a person's own: the caller's
 * newest one, or (when they have none, and on the other side) resident1's.
 */
const PATH_IDS: [RegExp, Ids][] = [
  [/^\/api\/communities\/\{id\}\/handover$/, (s) => ({ id: s.handoverCommunityId })],
  [/^\/api\/(workbench\/)?communities\/\{id\}/, (s) => ({ id: s.communityId, membershipId: s.membershipId })],
  [/^\/api\/memberships\/\{id\}/, (s) => ({ id: s.pendingMembershipId })],
  [/^\/api\/users\/\{id\}/, (s) => ({ id: s.memberUserId })],
  [/^\/api\/community-invites\/\{code\}/, (s) => ({ code: s.inviteCode })],
  [/^\/api\/org\/stations\/\{id\}/, (s) => ({ id: s.stationId })],
  [/^\/api\/uploads\/\{id\}/, (s) => ({ id: s.photoId })],
  [/^\/api\/cases\/\{id\}\/(unseal)/, (s) => ({ id: s.sealedCaseId })],
  [/^\/api\/cases\/\{id\}\/(assist|assist-plan)$/, (s) => ({ id: s.serviceCaseId })],
  [/^\/api\/cases\/\{id\}\/(referrals|referral-steps)$/, (s) => ({ id: s.referredCaseId })],
  [/^\/api\/cases\/\{id\}/, (s) => ({ id: s.caseId, photoId: s.photoId })],
  [/^\/api\/demo\/cases\/\{id\}/, (s) => ({ id: s.caseId })],
  [/^\/api\/inspection\/cases\/\{id\}/, (s) => ({ id: s.caseId })],
  [/^\/api\/mediation\/rooms\/\{id\}/, (s) => ({ id: s.roomId, seq: s.messageSeq, uploadId: s.roomImageId })],
  [/^\/api\/mediation\/offline-rooms\/\{id\}\/retire/, (s) => ({ id: s.offlineRoomId })],
  [/^\/api\/mediation\/offline-rooms\/\{id\}/, (s) => ({ id: s.slotRoomId })],
  [/^\/api\/mediation\/offline-slots\/\{id\}/, (s) => ({ id: s.slotId })],
  [/^\/api\/referrals\/\{id\}/, (s) => ({ id: s.referralId })],
  [/^\/api\/bulletins\/\{id\}/, (s) => ({ id: s.bulletinId, groupId: s.groupId, imageId: s.bulletinImageId })],
  [/^\/api\/rumours\/\{id\}/, (s) => ({ id: s.rumourReportId })],
  [/^\/api\/reviews\/\{id\}/, (s) => ({ id: s.reviewId })],
  [/^\/api\/follow-ups\/\{id\}/, (s) => ({ id: s.followUpId })],
  [/^\/api\/major-issues\/\{id\}/, (s) => ({ id: s.majorIssueId })],
  [/^\/api\/wechat-groups\/\{id\}/, (s) => ({ id: s.wechatGroupId })],
  [/^\/api\/rewards\/\{id\}/, (s) => ({ id: s.rewardId })],
  [/^\/api\/referral-targets\/\{id\}/, (_, w) => ({ id: w.referralTargetId })],
  [/^\/api\/service-guide\/\{code\}/, (_, w) => ({ code: w.matterCode })],
  [/^\/api\/admin\/outbox\/\{id\}/, (_, w) => ({ id: w.outboxId })],
  [/^\/api\/notifications\/\{id\}/, (s, w, who) => {
    const someoneElse = Number(who === 'resident1' ? w.notificationOf.informant1 : w.notificationOf.resident1);
    return { id: s.name === OWN_SIDE[who] ? (w.notificationOf[who] ?? someoneElse) : someoneElse };
  }],
  [/^\/open311\//, (_, w) => ({ format: 'json', code: 'hazard.facility', id: w.open311Id, token: w.open311Token })],
];

/** Today in China time (the figures' days). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The first day of this week, 旬 and month (China time): the review periods of stations, branches and the city. */
const weekStart = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const reviewStart = (who: CallerName) => {
  const day = today();
  const date = Number(day.slice(8));
  if (who === 'city_leader1') return `${day.slice(0, 8)}01`;
  if (who === 'branch_leader1') return `${day.slice(0, 8)}${date <= 10 ? '01' : date <= 20 ? '11' : '21'}`;
  return weekStart();
};

const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Bodies (and queries) that pass validation, so the answer shows the access decision behind it. */
const INPUT: Record<string, (s: Side, w: World, who: CallerName) => Omit<Probe, 'path'>> = {
  'POST /api/auth/wechat': () => ({ body: { code: 'authz-not-a-code' } }),
  'POST /api/auth/refresh': () => ({ body: { refreshToken: 'authz-not-a-token' } }),
  'POST /api/auth/logout': () => ({ body: { refreshToken: 'authz-not-a-token' } }),
  'POST /api/auth/dev-login': () => ({ body: { username: 'resident2' } }),
  'POST /api/staff-invitations': (s) => ({ body: { role: 'mediator', orgUnitId: s.stationId, name: '新调解员' } }),
  'POST /api/staff-invitations/accept': () => ({ body: { token: 'authz-not-a-token', code: 'authz-not-a-code' } }),
  'POST /api/staff-invitations/claim': () => ({ body: { token: 'authz-not-a-token' } }),
  'POST /api/communities/join-by-code': () => ({ body: { code: 'NOSUCH26' } }),
  'POST /api/communities/{id}/join-requests': () => ({ body: { note: '想加入社区' } }),
  'POST /api/memberships/{id}/refuse': () => ({ body: { reason: '不是本社区居民' } }),
  'POST /api/communities/{id}/handover': (s) => ({ body: { newOfficerId: s.handoverOfficerId, reason: '民警岗位调整' } }),
  // Set to what it already is (the home side's member is informant1): a real change would end their tokens mid-matrix.
  'POST /api/users/{id}/informant': () => ({ body: { granted: true } }),
  'POST /api/uploads': () => ({ upload: true }),
  'GET /api/cases': (s) => ({ query: { communityId: s.communityId } }),
  'GET /api/workbench/units': (s) => ({ query: { parentId: s.stationId } }),
  'POST /api/cases': () => ({
    body: { kind: 'hazard', subcategory: 'fire', title: '楼道堆放杂物', description: '楼道里堆满杂物，存在火灾隐患。', addressText: '5栋2单元', contactPreference: 'in_app', anonymity: 'none' },
  }),
  'POST /api/cases/{id}/actions': () => ({ body: { action: CaseAction.Accept } }),
  'POST /api/cases/{id}/notes': () => ({ body: { note: '已电话联系', internal: true } }),
  'POST /api/cases/{id}/info': () => ({ body: { note: '补充：晚上十点以后最吵' } }),
  'POST /api/cases/{id}/rating': () => ({ body: { rating: 5 } }),
  'POST /api/cases/{id}/serious-risk': () => ({ body: { note: '双方情绪激动，可能升级' } }),
  'POST /api/cases/{id}/unseal': () => ({ body: { reason: '需要当面核实线索' } }),
  'GET /api/mediation/mediators': (s) => ({ query: { caseId: s.roomlessCaseId } }),
  'GET /api/mediation/rooms': (s) => ({ query: { caseId: s.caseId } }),
  'POST /api/mediation/rooms': (s) => ({ body: { caseId: s.roomlessCaseId, respondentName: '楼上住户', mediatorUserId: s.mediatorUserId } }),
  'POST /api/mediation/requests': (s) => ({ body: { caseId: s.roomlessCaseId } }),
  'POST /api/mediation/rooms/{id}/messages': () => ({ body: { clientMsgId: randomUUID(), kind: MessageKind.Text, text: '收到' } }),
  'POST /api/mediation/rooms/{id}/read': (s) => ({ body: { seq: s.messageSeq } }),
  'POST /api/mediation/rooms/{id}/caucus': (s) => ({ body: { memberId: s.respondentMemberId } }),
  'POST /api/mediation/rooms/{id}/invitations': (s) => ({ body: { memberId: s.respondentMemberId } }),
  'POST /api/mediation/rooms/{id}/invitations/code': () => ({ body: { token: 'authz-not-a-token' } }),
  'POST /api/mediation/invitations/accept': () => ({ body: { token: 'authz-not-a-token', code: 'authz-not-a-code' } }),
  'POST /api/mediation/invitations/join': () => ({ body: { token: 'authz-not-a-token' } }),
  'POST /api/mediation/rooms/{id}/agreement': () => ({
    body: { parties: '申请人与被申请人', facts: '楼上漏水', terms: '一周内修好水管', performanceDueAt: later(7) },
  }),
  'POST /api/mediation/rooms/{id}/agreement/confirm': (s) => ({ body: { agreementId: s.agreementId } }),
  'POST /api/mediation/offline-rooms': () => ({ body: { name: '临时调解室', address: '一楼西侧' } }),
  'POST /api/mediation/offline-rooms/{id}/slots': () => ({ body: { startsAt: later(20), endsAt: later(20.05) } }),
  'POST /api/mediation/rooms/{id}/transfer': (s) => ({ body: { slotId: s.slotId } }),
  'POST /api/mediation/rooms/{id}/offline-outcome': () => ({ body: { settled: false, note: '双方未到场' } }),
  'POST /api/mediation/rooms/{id}/close': () => ({ body: { outcome: 'withdrawn', note: '申请人撤回' } }),
  'POST /open311/v2/requests.{format}': () => ({ body: { api_key: 'demo-open311-key', service_code: 'hazard.facility', description: '路灯不亮', address_string: '胜利社区东门' } }),
  'PUT /api/service-guide/{code}': () => ({
    body: {
      title: '居住证', category: '户籍', synonyms: ['暂住证'], phrases: ['办居住证'], summary: '在本市居住半年以上可申领居住证。',
      routes: [{ type: 'service_hall', label: '政务服务大厅', detail: '带身份证和居住证明' }], assist: { kind: 'police_department', label: '派出所户籍窗口' },
    },
  }),
  'POST /api/service-guide/{code}/assist': () => ({ body: { routeType: 'wanshitong', note: '不会在手机上传材料' } }),
  'POST /api/cases/{id}/assist-plan': () => ({ body: { helperName: '王建国', mode: 'window' } }),
  'POST /api/referral-targets': () => ({ body: { kind: 'government_department', name: `住建局 ${randomUUID()}` } }),
  'PUT /api/referral-targets/{id}': () => ({ body: { name: '城市管理局', staffUserIds: [] } }),
  'POST /api/cases/{id}/referrals': (_, w) => ({ body: { targetId: w.referralTargetId, reason: '需要城管处理' } }),
  'PUT /api/cases/{id}/governance-class': () => ({ body: { governanceClass: 'dispute' } }),
  'POST /api/referrals/{id}/reply': () => ({ body: { outcome: '已办结', evidence: '回执编号 2026-001' } }),
  'POST /api/cases/{id}/urge': () => ({ body: { instruction: '请今天内联系当事人' } }),
  'POST /api/cases/{id}/inquiries': () => ({ body: { findings: '受理超时，民警未说明原因', outcome: 'reminder' } }),
  'GET /api/figures': (s) => ({ query: { from: today(), to: today(), orgId: s.communityId } }),
  'GET /api/figures/records': (s) => ({ query: { counter: 'anomalies', from: today(), to: today(), orgId: s.communityId } }),
  'GET /api/figures/trend': (s) => ({ query: { unit: 'week', count: 2, orgId: s.communityId } }),
  'GET /api/figures.xlsx': (s) => ({ query: { from: today(), to: today(), orgId: s.communityId } }),
  'POST /api/prevention-actions': (s) => ({ body: { kind: 'patrol', actedAt: new Date().toISOString(), place: '小区东门', communityId: s.communityId } }),
  'GET /api/prevention-actions': (s) => ({ query: { orgId: s.communityId } }),
  'GET /api/reviews': (s) => ({ query: { orgId: s.stationId } }),
  'GET /api/reviews/packet': (s) => ({ query: { orgId: s.stationId, from: weekStart() } }),
  'GET /api/reviews/packet.xlsx': (s) => ({ query: { orgId: s.stationId, from: weekStart() } }),
  // Each leader records their own unit's current period (the stations' are recorded already: a 409 after the access check).
  'POST /api/reviews': (_, __, who) => ({ body: { periodFrom: reviewStart(who), heldOn: today(), attendees: '领导班子', summary: '授权矩阵测试会商', decisions: [] } }),
  'POST /api/follow-ups/{id}/done': () => ({ body: { note: '已办结' } }),
  'POST /api/major-issues': () => ({ body: { title: '重大问题', detail: '授权矩阵测试', deadline: today() } }),
  'POST /api/major-issues/{id}/feedback': () => ({ body: { feedback: '已会商' } }),
  'POST /api/demo/cases/{id}/elapse': () => ({ body: { minutes: 1 } }),
  'POST /api/integrations/12345/webhook': () => ({ body: {} }),
  'POST /api/bulletins': () => ({ body: { kind: 'rumour', title: '网传停水消息不实', body: [{ type: 'paragraph', runs: [{ text: '经核实，本周没有停水计划。' }] }] } }),
  // The side's own kind (HOME a 预警, AWAY a 正气): an edit keeps the kind.
  'PUT /api/bulletins/{id}': (s) => ({
    body: s.name === 'home'
      ? { kind: 'warning', warningType: 'prevention', title: '防范电信诈骗（修订）', body: [{ type: 'paragraph', runs: [{ text: '修订后的正文' }] }] }
      : { kind: 'positive', title: '热心居民拾金不昧（修订）', body: [{ type: 'paragraph', runs: [{ text: '修订后的正文' }] }] },
  }),
  'POST /api/bulletins/{id}/review': () => ({ body: { decision: 'approve' } }),
  'POST /api/bulletins/{id}/withdraw': () => ({ body: { reason: '授权矩阵测试撤回' } }),
  'POST /api/bulletins/{id}/pushes': (s) => ({ body: { groupIds: [s.groupId] } }),
  'POST /api/rumours': (s) => ({ body: { text: '授权矩阵测试传言', groupId: s.groupId } }),
  // The side's bulletin is not a 辟谣: past the access check, 400.
  'PUT /api/bulletins/{id}/rumours': () => ({ body: { reportIds: [] } }),
  // Share info that does not open (no session_key for a demo sign-in, or not 16 bytes of iv): a 400 on its merits.
  'POST /api/bulletins/{id}/opens': () => ({ body: { encryptedData: 'AAAAAAAAAAAAAAAAAAAAAA==', iv: 'AAAA' } }),
  'POST /api/wechat-groups/{id}/binding': (s) => ({ body: { groupId: s.groupId } }),
  'POST /api/bulletin-subscription': () => ({ body: { accepted: true } }),
  // 一事一奖 on the side's referred case (its reporter): the first allowed caller makes it, the others get 409 (one per deed).
  'POST /api/rewards': (s) => ({ body: { caseId: s.referredCaseId, kind: 'spiritual', form: '表扬信', deed: '授权矩阵测试事迹' } }),
  'POST /api/rewards/{id}/decision': () => ({ body: { decision: 'approve' } }),
  'POST /api/rewards/{id}/naming': () => ({ body: { agree: true } }),
  'GET /api/officer-ranking': (s) => ({ query: { month: today().slice(0, 7), orgId: s.stationId } }),
  'POST /api/officer-honours': (s, w) => ({ body: { month: previousMonth(today().slice(0, 7)), officerId: w.userIds[s.name === 'home' ? 'officer1' : 'officer3'] } }),
};

/**
 * Operations that use their object up (a revoked invite, a deleted slot) get a fresh one on each
 * call, made by the side's own staff, so every caller is asked about an object that is there.
 */
const FRESH: Record<string, (side: Side, w: World) => Promise<Record<string, string | number>>> = {
  'POST /api/communities/{id}/invites/{code}/revoke': async (s, w) => ({ code: await w.fresh.invite(s) }),
  'DELETE /api/mediation/offline-slots/{id}': async (s, w) => ({ id: await w.fresh.slot(s) }),
  'POST /api/staff-invitations/{id}/revoke': async (s, w) => ({ id: await w.fresh.staffInvitation(s) }),
};

/** The request one caller sends for an operation with one side's ids. */
export async function probeFor(op: string, side: Side, w: World, who: CallerName): Promise<Probe> {
  const [, template] = op.split(' ');
  const ids = { ...(PATH_IDS.find(([re]) => re.test(template))?.[1](side, w, who) ?? {}), ...(await FRESH[op]?.(side, w)) };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (ids[name] === undefined) throw new Error(`authz: no id for {${name}} in ${op}`);
    return encodeURIComponent(String(ids[name]));
  });
  return { path, ...(INPUT[op]?.(side, w, who) ?? {}) };
}
