/**
 * The authorization matrix's expected table (issue #19): for every operation of the OpenAPI
 * document, and the websocket room join, which callers are allowed with their own side's ids.
 * Everyone else is refused (401, 403 or 404). With ids from another jurisdiction everyone is
 * refused, unless the row is `unplaced` (catalogue entries, the outbox, Open311, things any
 * resident may name), where the answer is the same as with one's own.
 *
 * A new endpoint needs its row here, or the matrix fails. Callers are the demo accounts (README):
 * HOME is 天桥派出所 (蚌山分局; 胜利社区, officer1), AWAY is 城关派出所 (怀远县公安局; 禹王社区, officer3);
 * see authz/world.ts for the objects on each side.
 */
export const CALLERS = [
  'anonymous',
  'resident1', 'resident2', 'informant1',
  'officer1', 'officer2', 'officer3', 'officer4',
  'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1',
  'mediator1', 'legal_reviewer1', 'department_staff1', 'inspector1', 'admin1',
] as const;
export type CallerName = (typeof CALLERS)[number];

/** Whose objects a caller is asked with: AWAY for 城关's people, HOME for everyone else. */
export const OWN_SIDE: Record<CallerName, 'home' | 'away'> = Object.fromEntries(
  CALLERS.map((c) => [c, c === 'officer3' || c === 'station_leader2' ? 'away' : 'home']),
) as Record<CallerName, 'home' | 'away'>;

/** The side outside a caller's jurisdiction and relations; none for the city leader, the city's inspector and the admin, whose org unit is the whole city. */
export const FOREIGN_SIDE: Record<CallerName, 'home' | 'away' | null> = Object.fromEntries(
  CALLERS.map((c) => [c, c === 'city_leader1' || c === 'inspector1' || c === 'admin1' ? null : OWN_SIDE[c] === 'home' ? 'away' : 'home']),
) as Record<CallerName, 'home' | 'away' | null>;

/** The websocket joins (docs/realtime.md), checked beside the HTTP operations: a main room and a caucus (背靠背). */
export const WS_JOIN = 'WS join /ws {roomId}';
export const WS_JOIN_CAUCUS = 'WS join /ws {caucusRoomId}';

export interface Expectation {
  allowed: readonly CallerName[];
  /** The object belongs to no jurisdiction: ids from the other side answer as one's own. */
  unplaced?: true;
  /** A list filtered by an id: with the other side's id it answers, and lists nothing. */
  scopedList?: true;
}

const SIGNED_IN = CALLERS.filter((c) => c !== 'anonymous');
const EVERYONE = CALLERS;
const RESIDENTS: CallerName[] = ['resident1', 'resident2', 'informant1'];
const STAFF = SIGNED_IN.filter((c) => !RESIDENTS.includes(c));
const POLICE: CallerName[] = ['officer1', 'officer2', 'officer3', 'officer4', 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1'];
/** Police whose jurisdiction covers their own side's case, community and room: officer2 and officer4 are responsible for other communities. */
const POLICE_OVER: CallerName[] = ['officer1', 'officer3', 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1'];
const LEADERS: CallerName[] = ['station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1'];
const STATION_LEADERS: CallerName[] = ['station_leader1', 'station_leader2'];
const RESPONSIBLE: CallerName[] = ['officer1', 'officer3'];
/** 办案: the responsible officers and the station leaders (CaseHandle). */
const HANDLERS: CallerName[] = [...RESPONSIBLE, ...STATION_LEADERS];
/** The room's members on the caller's side: applicant, respondent, mediator, officer. */
const ROOM_MEMBERS: CallerName[] = ['resident1', 'informant1', 'mediator1', 'officer1', 'officer3'];
/** Who reads a room: its members, and police whose jurisdiction covers it (audited transcript reads). */
const ROOM_READERS: CallerName[] = [...ROOM_MEMBERS, 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1'];
/** Who reads a case: its reporter, and police whose jurisdiction covers it. */
const CASE_READERS: CallerName[] = ['resident1', ...POLICE_OVER];
/** Who runs the station's 警民联调室 (MediationManage at that station): officer2 works at 涂山路. */
const OFFLINE_ROOM_STAFF: CallerName[] = ['officer1', 'officer3', 'officer4', 'station_leader1', 'station_leader2'];
const ALL_OFFICERS: CallerName[] = ['officer1', 'officer2', 'officer3', 'officer4'];
const none: CallerName[] = [];
/**
 * Who reads a side's bulletin (docs/bulletins.md): members of the group it went to, its author and
 * reviewer, police on its 素材库's line (HOME's is 蚌山分局's: every 蚌山 officer), leaders over it.
 */
const BULLETIN_READERS: CallerName[] = ['resident1', 'informant1', ...POLICE, 'legal_reviewer1', 'department_staff1'];

export const EXPECTED: Record<string, Expectation> = {
  [WS_JOIN]: { allowed: ROOM_READERS },
  // A caucus is the mediator's and the one party's: no other member, and no police reading transcripts.
  [WS_JOIN_CAUCUS]: { allowed: ['mediator1', 'informant1'] },

  'GET /api/audit': { allowed: ['city_leader1', 'admin1'] },
  // Sign-in with credentials in the body: the credential decides, never the caller; bogus ones are refused.
  'POST /api/auth/wechat': { allowed: EVERYONE },
  'POST /api/auth/refresh': { allowed: none },
  'POST /api/auth/logout': { allowed: EVERYONE },
  'GET /api/auth/demo-users': { allowed: EVERYONE },
  'POST /api/auth/dev-login': { allowed: EVERYONE },
  'GET /api/me': { allowed: SIGNED_IN },
  'POST /api/staff-invitations': { allowed: ['station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1', 'admin1'] },
  'POST /api/staff-invitations/accept': { allowed: EVERYONE },
  'GET /api/staff-invitations': { allowed: ['station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1', 'admin1'] },
  // 撤销: inviters whose jurisdiction covers the invitation's unit (a fresh one of the side's station each time).
  'POST /api/staff-invitations/{id}/revoke': { allowed: ['station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1', 'admin1'] },
  // 领取邀请 with a bogus token: refused on its merits (INVITE_INVALID), never for who asks; anonymous must sign in.
  'POST /api/staff-invitations/claim': { allowed: SIGNED_IN },
  'GET /api/communities/directory': { allowed: SIGNED_IN },
  'GET /api/me/memberships': { allowed: SIGNED_IN },
    // An invite code is a credential: a wrong one is a 400 INVITE_INVALID for any resident.
  'POST /api/communities/join-by-code': { allowed: RESIDENTS },
  'POST /api/communities/{id}/join-requests': { allowed: RESIDENTS, unplaced: true },
  'GET /api/workbench/communities': { allowed: STAFF },
  // Asked with the side's station: leaders whose jurisdiction holds it (officers' lists are flat: 404).
  'GET /api/workbench/units': { allowed: [...LEADERS, 'admin1'] },
  'GET /api/workbench/alerts': { allowed: STAFF },
  'GET /api/me/station': { allowed: SIGNED_IN },
  'GET /api/workbench/communities/{id}': { allowed: POLICE_OVER },
  'GET /api/communities/{id}/members': { allowed: POLICE_OVER },
  'POST /api/communities/{id}/members/{membershipId}/phone': { allowed: RESPONSIBLE },
  'POST /api/communities/{id}/invites': { allowed: [...RESPONSIBLE, ...STATION_LEADERS] },
  'GET /api/communities/{id}/invites': { allowed: [...RESPONSIBLE, ...STATION_LEADERS] },
  'POST /api/communities/{id}/invites/{code}/revoke': { allowed: [...RESPONSIBLE, ...STATION_LEADERS] },
  'POST /api/memberships/{id}/approve': { allowed: [...RESPONSIBLE, ...STATION_LEADERS] },
  'POST /api/memberships/{id}/refuse': { allowed: [...RESPONSIBLE, ...STATION_LEADERS] },
  'POST /api/communities/{id}/handover': { allowed: LEADERS },
  'GET /api/communities/{id}/handovers': { allowed: POLICE_OVER },
  'POST /api/users/{id}/informant': { allowed: RESPONSIBLE },
  'GET /api/org/tree': { allowed: [...POLICE, 'admin1'] },
  'GET /api/org/groups': { allowed: [...POLICE, 'admin1'] },
  'GET /api/community-invites/{code}/qrcode': { allowed: [...RESPONSIBLE, ...STATION_LEADERS] },
  'GET /api/org/stations/{id}/officers': { allowed: LEADERS },
  'POST /api/uploads': { allowed: SIGNED_IN },
  // One's own uploads only; staff see case photos through the case (…/photos/{photoId}).
  'GET /api/uploads/{id}': { allowed: ['resident1'] },
  'POST /api/cases': { allowed: RESIDENTS },
  'GET /api/cases': { allowed: POLICE, scopedList: true },
  'GET /api/cases/mine': { allowed: SIGNED_IN },
  'GET /api/cases/unseal-log': { allowed: ['city_leader1'] },
  'GET /api/cases/{id}': { allowed: CASE_READERS },
  // Reaching the case is the access decision; which action the role may take is the state machine's (409).
  'POST /api/cases/{id}/actions': { allowed: CASE_READERS },
  'POST /api/cases/{id}/notes': { allowed: HANDLERS },
  'POST /api/cases/{id}/info': { allowed: ['resident1'] },
  'POST /api/cases/{id}/rating': { allowed: ['resident1'] },
  'POST /api/cases/{id}/serious-risk': { allowed: HANDLERS },
  'POST /api/cases/{id}/review-cleared': { allowed: HANDLERS },
  'POST /api/cases/{id}/unseal': { allowed: STATION_LEADERS },
  'POST /api/cases/{id}/reporter-phone': { allowed: RESPONSIBLE },
  'GET /api/cases/{id}/photos/{photoId}': { allowed: CASE_READERS },
  'GET /api/mediation/mediators': { allowed: HANDLERS },
  'POST /api/mediation/rooms': { allowed: HANDLERS },
  'GET /api/mediation/rooms': { allowed: CASE_READERS },
  'POST /api/mediation/requests': { allowed: ['resident1'] },
  'GET /api/mediation/rooms/mine': { allowed: SIGNED_IN },
  'GET /api/mediation/rooms/{id}': { allowed: ROOM_READERS },
  'GET /api/mediation/rooms/{id}/messages': { allowed: ROOM_READERS },
  'POST /api/mediation/rooms/{id}/messages': { allowed: ROOM_MEMBERS },
  'POST /api/mediation/rooms/{id}/read': { allowed: ROOM_READERS },
  // Only the author recalls: anyone else's recall finds no message of theirs (404).
  'POST /api/mediation/rooms/{id}/messages/{seq}/recall': { allowed: ['resident1'] },
  'GET /api/mediation/rooms/{id}/images/{uploadId}': { allowed: ROOM_READERS },
  'POST /api/mediation/rooms/{id}/caucus': { allowed: ['mediator1'] },
  'POST /api/mediation/rooms/{id}/invitations': { allowed: ['mediator1', ...HANDLERS] },
  'POST /api/mediation/rooms/{id}/invitations/code': { allowed: ['mediator1', ...HANDLERS] },
  // Invitation tokens are credentials: a wrong one is a 400 INVITE_INVALID whoever asks.
  'POST /api/mediation/invitations/accept': { allowed: EVERYONE },
  'POST /api/mediation/invitations/join': { allowed: SIGNED_IN },
  'POST /api/mediation/rooms/{id}/agreement': { allowed: ['mediator1'] },
  'POST /api/mediation/rooms/{id}/agreement/confirm': { allowed: ['resident1', 'informant1'] },
  'GET /api/mediation/rooms/{id}/agreement/document': { allowed: ROOM_READERS },
  'GET /api/mediation/rooms/{id}/agreement/print': { allowed: ROOM_READERS },
  'GET /api/mediation/rooms/{id}/offline-slots': { allowed: ROOM_READERS },
  'GET /api/mediation/offline-rooms': { allowed: [...ALL_OFFICERS, ...STATION_LEADERS] },
  'POST /api/mediation/offline-rooms': { allowed: [...ALL_OFFICERS, ...STATION_LEADERS] },
  'POST /api/mediation/offline-rooms/{id}/retire': { allowed: OFFLINE_ROOM_STAFF },
  'DELETE /api/mediation/offline-slots/{id}': { allowed: OFFLINE_ROOM_STAFF },
  'POST /api/mediation/offline-rooms/{id}/slots': { allowed: OFFLINE_ROOM_STAFF },
  'POST /api/mediation/rooms/{id}/transfer': { allowed: [...HANDLERS, 'mediator1'] },
  'POST /api/mediation/rooms/{id}/offline-outcome': { allowed: [...HANDLERS, 'mediator1'] },
  // The applicant may withdraw (撤回); the mediator and the station close.
  'POST /api/mediation/rooms/{id}/close': { allowed: [...HANDLERS, 'mediator1', 'resident1'] },
  'GET /open311/v2/discovery.{format}': { allowed: EVERYONE, unplaced: true },
  'GET /open311/v2/services.{format}': { allowed: EVERYONE, unplaced: true },
  'GET /open311/v2/services/{code}.{format}': { allowed: EVERYONE, unplaced: true },
  'GET /open311/v2/requests.{format}': { allowed: EVERYONE, unplaced: true },
  'POST /open311/v2/requests.{format}': { allowed: EVERYONE, unplaced: true },
  'GET /open311/v2/requests/{id}.{format}': { allowed: EVERYONE, unplaced: true },
  'GET /open311/v2/tokens/{token}.{format}': { allowed: EVERYONE, unplaced: true },
  'GET /api/service-guide': { allowed: EVERYONE, unplaced: true },
  'GET /api/service-guide/{code}': { allowed: EVERYONE, unplaced: true },
  'PUT /api/service-guide/{code}': { allowed: ['admin1'], unplaced: true },
  'GET /api/admin/service-guide': { allowed: ['admin1'] },
  'GET /api/service-guide/{code}/versions': { allowed: ['admin1'], unplaced: true },
  'POST /api/service-guide/{code}/assist': { allowed: RESIDENTS, unplaced: true },
  'POST /api/cases/{id}/assist-plan': { allowed: HANDLERS },
  'GET /api/cases/{id}/assist': { allowed: CASE_READERS },
  'GET /api/referral-targets': { allowed: [...ALL_OFFICERS, ...STATION_LEADERS] },
  'POST /api/referral-targets': { allowed: ['admin1'] },
  'GET /api/referral-targets/manage': { allowed: ['admin1'] },
  'PUT /api/referral-targets/{id}': { allowed: ['admin1'], unplaced: true },
  'POST /api/referral-targets/{id}/retire': { allowed: ['admin1'], unplaced: true },
  'POST /api/referral-targets/{id}/restore': { allowed: ['admin1'], unplaced: true },
  'POST /api/cases/{id}/referrals': { allowed: HANDLERS },
  'GET /api/cases/{id}/referrals': { allowed: [...POLICE_OVER] },
  'GET /api/cases/{id}/referral-steps': { allowed: CASE_READERS },
  'GET /api/cases/{id}/governance-class': { allowed: POLICE_OVER },
  'PUT /api/cases/{id}/governance-class': { allowed: HANDLERS },
  'GET /api/referrals': { allowed: ['department_staff1'] },
  'GET /api/referrals/{id}': { allowed: ['department_staff1', ...POLICE_OVER] },
  'POST /api/referrals/{id}/sign': { allowed: ['department_staff1'] },
  'POST /api/referrals/{id}/reply': { allowed: ['department_staff1'] },
  'GET /api/referral-agenda': { allowed: ['branch_leader1', 'city_leader1'] },
  'GET /api/governance/digest': { allowed: LEADERS },
  'GET /api/governance/digest.csv': { allowed: LEADERS },
  // Signed by 12345 (HMAC), not by a caller: an unsigned call is refused for everyone.
  'POST /api/integrations/12345/webhook': { allowed: none },
  'GET /api/supervision/cases': { allowed: LEADERS },
  // 责任追究 (信访/督察, city level): the overdue list, one case's trail and the 核查 are the inspector's alone;
  // a case's 核查 are read by its inspector and by the police who may read the case.
  'GET /api/inspection/cases': { allowed: ['inspector1'] },
  'GET /api/inspection/cases/{id}': { allowed: ['inspector1'] },
  'GET /api/inspection/inquiries': { allowed: ['inspector1'] },
  'POST /api/cases/{id}/inquiries': { allowed: ['inspector1'] },
  'GET /api/cases/{id}/inquiries': { allowed: [...POLICE_OVER, 'inspector1'] },
  'GET /api/bulletins/feed': { allowed: SIGNED_IN },
  'GET /api/bulletins': { allowed: STAFF },
  'GET /api/bulletins/push-groups': { allowed: POLICE },
  'GET /api/bulletins/push-figures': { allowed: POLICE },
  // Staff who may read the bulletin; its readers in groups are not shown its figures.
  'GET /api/bulletins/{id}/figures': { allowed: BULLETIN_READERS.filter((c) => !RESIDENTS.includes(c)) },
  'POST /api/bulletins': { allowed: [...POLICE, 'legal_reviewer1', 'department_staff1'] },
  'GET /api/bulletins/{id}': { allowed: BULLETIN_READERS },
  // The author: HOME's department_staff1, AWAY's officer3.
  'PUT /api/bulletins/{id}': { allowed: ['department_staff1', 'officer3'] },
  'POST /api/bulletins/{id}/submit': { allowed: ['department_staff1', 'officer3'] },
  // The kind's reviewer: the 法治部门 of 蚌山分局 for HOME's 预警, 城关's station leader for AWAY's 正气.
  'POST /api/bulletins/{id}/review': { allowed: ['legal_reviewer1', 'station_leader2'] },
  'POST /api/bulletins/{id}/withdraw': { allowed: ['department_staff1', 'officer3', 'station_leader2', 'branch_leader1', 'city_leader1'] },
  // Police over the side's community group (its officer and leaders); officer2 and officer4 see the bulletin but not the group.
  'POST /api/bulletins/{id}/pushes': { allowed: POLICE_OVER },
  // Its push is out already: a 409 after the access check.
  'DELETE /api/bulletins/{id}/pushes/{groupId}': { allowed: POLICE_OVER },
  'POST /api/bulletins/{id}/read': { allowed: BULLETIN_READERS },
  'POST /api/bulletins/{id}/useful': { allowed: BULLETIN_READERS },
  // 传言: members of the side's community group report there, and police over it.
  'POST /api/rumours': { allowed: ['resident1', 'informant1', ...POLICE_OVER] },
  'GET /api/rumours/mine': { allowed: SIGNED_IN },
  'GET /api/rumours/groups': { allowed: SIGNED_IN },
  'GET /api/rumours': { allowed: STAFF },
  // The side's report (by its officer): police over its group, and 蚌山分局's writers for HOME's.
  'GET /api/rumours/{id}': { allowed: [...POLICE_OVER, 'legal_reviewer1', 'department_staff1'] },
  'GET /api/rumours/{id}/screenshot': { allowed: [...POLICE_OVER, 'legal_reviewer1', 'department_staff1'] },
  // The bulletin's author (HOME's department_staff1, AWAY's officer3).
  'PUT /api/bulletins/{id}/rumours': { allowed: ['department_staff1', 'officer3'] },
  'GET /api/bulletins/{id}/rumours': { allowed: BULLETIN_READERS },
  // 分享 and opens from a group card: whoever reads it (the share info is checked after the access).
  'POST /api/bulletins/{id}/shares': { allowed: BULLETIN_READERS },
  'POST /api/bulletins/{id}/opens': { allowed: BULLETIN_READERS },
  'GET /api/wechat-groups': { allowed: POLICE },
  // The sharer whose card placed the WeChat group (officer1 / officer3) and leaders over them, into a group of their own.
  'POST /api/wechat-groups/{id}/binding': { allowed: POLICE_OVER },
  // Its images: whoever reads the bulletin.
  'GET /api/bulletins/{id}/images/{imageId}': { allowed: BULLETIN_READERS },
  // One's own 警务公告 subscription: anyone signed in, about themselves.
  'GET /api/bulletin-subscription': { allowed: SIGNED_IN, unplaced: true },
  'POST /api/bulletin-subscription': { allowed: SIGNED_IN, unplaced: true },
  'POST /api/cases/{id}/urge': { allowed: LEADERS },
  // 数据 of the side's community: the leaders over it and its responsible officer (officer2 and officer4 work other communities).
  'GET /api/figures': { allowed: POLICE_OVER },
  'GET /api/figures/records': { allowed: POLICE_OVER },
  'GET /api/figures/trend': { allowed: POLICE_OVER },
  'GET /api/figures.xlsx': { allowed: POLICE_OVER },
  // 安全防范 actions in the side's community: its officer and the station leader (PreventionRecord); the list like the figures.
  'POST /api/prevention-actions': { allowed: HANDLERS },
  'GET /api/prevention-actions': { allowed: POLICE_OVER },
  // 会商调度 (docs/reviews.md): leaders over the side's station (branch_leader1 leads HOME's branch only).
  'GET /api/reviews': { allowed: LEADERS },
  'GET /api/reviews/packet': { allowed: LEADERS },
  'GET /api/reviews/packet.xlsx': { allowed: LEADERS },
  'GET /api/reviews/{id}': { allowed: LEADERS },
  // Each leader records their own unit's review: the body names no object of a side.
  'POST /api/reviews': { allowed: LEADERS, unplaced: true },
  'GET /api/follow-ups/mine': { allowed: STAFF },
  // The decision's owner: HOME's officer1, AWAY's officer3.
  'POST /api/follow-ups/{id}/done': { allowed: RESPONSIBLE },
  'GET /api/supervision/follow-ups': { allowed: LEADERS },
  'GET /api/major-issues': { allowed: LEADERS },
  // Station leaders raise them to their 挂点 city leader (both demo stations link city_leader1), who alone answers.
  'POST /api/major-issues': { allowed: STATION_LEADERS, unplaced: true },
  'POST /api/major-issues/{id}/feedback': { allowed: ['city_leader1'] },
  // 一事一奖 (docs/rewards.md): propose on the side's case (its officer and station leader; officer2 and officer4 work other
  // communities); the side's approved reward is read by its resident, its proposer and its station leader, decided by the station leader.
  'POST /api/rewards': { allowed: HANDLERS },
  'GET /api/rewards': { allowed: [...ALL_OFFICERS, ...STATION_LEADERS] },
  'GET /api/rewards/mine': { allowed: SIGNED_IN },
  'GET /api/rewards/{id}': { allowed: ['resident1', ...HANDLERS] },
  'POST /api/rewards/{id}/decision': { allowed: STATION_LEADERS },
  // Only the rewarded resident answers (a case deed: 409 after the access check).
  'POST /api/rewards/{id}/naming': { allowed: ['resident1'] },
  // The side's station: its leader and the leaders above; officers have no ranking.
  'GET /api/officer-ranking': { allowed: LEADERS },
  // Officers of one's own branch: 蚌山分局's leader names officer1 (AWAY's officer3 is 怀远县's).
  'POST /api/officer-honours': { allowed: ['branch_leader1'] },
  'GET /api/health': { allowed: EVERYONE },
  'POST /api/demo/cases/{id}/elapse': { allowed: POLICE_OVER },
  'GET /api/notifications': { allowed: SIGNED_IN },
  'GET /api/notifications/unread-count': { allowed: SIGNED_IN },
  // One's own notice; the other side's id is someone else's.
  'POST /api/notifications/{id}/read': { allowed: SIGNED_IN },
  'POST /api/notifications/read-all': { allowed: SIGNED_IN },
  'GET /api/admin/outbox/dead': { allowed: ['admin1'] },
  'POST /api/admin/outbox/{id}/retry': { allowed: ['admin1'], unplaced: true },
};
