import type {
  AssistRequest,
  CaseActionRequest,
  CaseInfoRequest,
  CaseNoteRequest,
  CaseQueueQuery,
  CloseRoomRequest,
  CreateCaseRequest,
  CreateOfflineRoomRequest,
  CreateReferralRequest,
  CreateReferralTargetRequest,
  CreateSlotRequest,
  DevLoginRequest,
  DraftAgreementRequest,
  AuditQuery,
  StaffInvitationRequest,
  FigureRecordsQuery,
  FiguresQuery,
  FigureTrendQuery,
  DecideRewardRequest,
  ProposeRewardRequest,
  RewardStatus,
  GovernanceClass,
  JoinByCodeRequest,
  MemberType,
  MembershipStatus,
  OfflineOutcomeRequest,
  OpenRoomRequest,
  RateCaseRequest,
  RaiseMajorIssueRequest,
  RecordReviewRequest,
  ReferralReplyRequest,
  ReferralStatus,
  RefreshRequest,
  RefuseMembershipRequest,
  ServiceMatterUpdate,
  UpdateReferralTargetRequest,
  UrgeCaseRequest, OpenInquiryRequest,
  WechatLoginRequest,
} from '@jws/contracts'

import type { ChosenImage } from '../platform/types'
import { apiUrl, call, download, upload } from './client'
import { platform } from '../platform'

export { ApiError, errorMessage, isApiError } from './errors'

/** Community lists searched by name, a page at a time (an empty search is no search). */
const nameQuery = (q: { page?: number; pageSize?: number; q?: string }) => ({ page: q.page, pageSize: q.pageSize, q: q.q || undefined })

/**
 * Typed calls of the HTTP API, one per route of the API table (`HttpApi` in @jws/contracts), which
 * alone pairs each path with the types it takes and answers. Pages use these, never URLs.
 */
export const api = {
  // identity
  demoUsers: () => call('GET /api/auth/demo-users', { auth: false }),
  devLogin: (body: DevLoginRequest) => call('POST /api/auth/dev-login', { body, auth: false }),
  wechatLogin: (body: WechatLoginRequest) => call('POST /api/auth/wechat', { body, auth: false }),
  /** Revokes the refresh token (and its family) on the server. */
  logout: (body: RefreshRequest) => call('POST /api/auth/logout', { body, auth: false }),
  me: () => call('GET /api/me'),
  myMemberships: () => call('GET /api/me/memberships'),

  // residents joining a community
  joinByCode: (body: JoinByCodeRequest) => call('POST /api/communities/join-by-code', { body }),
  /** One page of the city's communities to ask to join; `q` searches community and station names. */
  communityDirectory: (q: { page?: number; pageSize?: number; q?: string } = {}) => call('GET /api/communities/directory', { query: nameQuery(q) }),
  /**
   * Asks to join (again after a refusal: the request is pending once more), with the 申请说明 for
   * the officer; without `note`, asking again keeps the previous one.
   */
  requestToJoin: (communityId: number, memberType: MemberType, note?: string) =>
    call('POST /api/communities/:id/join-requests', { params: { id: communityId }, body: note === undefined ? { memberType } : { memberType, note } }),

  // 工作台
  /** One page of the communities in the caller's jurisdiction, with member counts; `q` searches names. */
  workbenchCommunities: (q: { page?: number; pageSize?: number; q?: string; under?: number } = {}) =>
    call('GET /api/workbench/communities', { query: { ...nameQuery(q), under: q.under } }),
  /** Leaders: the branches or stations under a unit (default: their own), with community and 待审核 counts. */
  workbenchUnits: (parentId?: number) => call('GET /api/workbench/units', { query: { parentId } }),
  /** What waits for the caller: counts on the 工作台 entries and the tab badge. */
  workbenchAlerts: () => call('GET /api/workbench/alerts'),
  /** One community of the caller's jurisdiction (404 outside it): its name for the community page. */
  workbenchCommunity: (communityId: number) => call('GET /api/workbench/communities/:id', { params: { id: communityId } }),
  /** One page of a community's members, phone numbers masked; `canRevealPhone` for the responsible officer. */
  communityMembers: (communityId: number, query: { status: MembershipStatus; page: number; pageSize: number }) =>
    call('GET /api/communities/:id/members', { params: { id: communityId }, query }),
  /** 查看号码: one member's full number, for the responsible officer; audited on the server. */
  revealMemberPhone: (communityId: number, membershipId: number) =>
    call('POST /api/communities/:id/members/:membershipId/phone', { params: { id: communityId, membershipId } }),
  /** 通过: one tap; the resident is told they joined. */
  approveMembership: (membershipId: number) => call('POST /api/memberships/:id/approve', { params: { id: membershipId } }),
  /** 拒绝 with the reason the resident is told (MEMBERSHIP_REFUSAL_REASON_MIN–MAX characters). */
  refuseMembership: (membershipId: number, body: RefuseMembershipRequest) => call('POST /api/memberships/:id/refuse', { params: { id: membershipId }, body }),
  createInvite: (communityId: number) => call('POST /api/communities/:id/invites', { params: { id: communityId } }),
  /** The codes that still let people in, newest first. */
  liveInvites: (communityId: number) => call('GET /api/communities/:id/invites', { params: { id: communityId } }),
  /** 作废 one code; answers the codes still live. */
  revokeInvite: (communityId: number, code: string) => call('POST /api/communities/:id/invites/:code/revoke', { params: { id: communityId, code } }),
  /** 民警交接 (leaders): the community, its members and the officer card pass to `newOfficerId`; members are told. */
  handoverCommunity: (communityId: number, body: { newOfficerId: number; reason: string }) =>
    call('POST /api/communities/:id/handover', { params: { id: communityId }, body }),
  /** The community's past officers, newest handover first. */
  communityHandovers: (communityId: number) => call('GET /api/communities/:id/handovers', { params: { id: communityId } }),
  /** The handover picker: the community officers of a station in the leader's jurisdiction. */
  stationOfficers: (stationId: number) => call('GET /api/org/stations/:id/officers', { params: { id: stationId } }),

  // reports (上报) and their handling
  /** multipart field `file`; jpeg/png/webp ≤ 5 MB. */
  uploadPhoto: (image: Pick<ChosenImage, 'path' | 'source'>) => upload('POST /api/uploads', image, 'file'),
  /** Same key + same body answers the same case, so a retry after a lost answer is safe. */
  createCase: (body: CreateCaseRequest, idempotencyKey: string) => call('POST /api/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  myCases: (page: number, pageSize: number) => call('GET /api/cases/mine', { query: { page, pageSize } }),
  /** Staff queue in scope: overdue first, then by deadline; without `status` the open cases. */
  caseQueue: (q: CaseQueueQuery) =>
    call('GET /api/cases', {
      query: { status: q.status, q: q.q, kind: q.kind, communityId: q.communityId, overdue: q.overdue ? 'true' : undefined, page: q.page, pageSize: q.pageSize },
    }),
  caseDetail: (id: number) => call('GET /api/cases/:id', { params: { id } }),
  caseAction: (id: number, body: CaseActionRequest) => call('POST /api/cases/:id/actions', { params: { id }, body }),
  caseNote: (id: number, body: CaseNoteRequest) => call('POST /api/cases/:id/notes', { params: { id }, body }),
  caseInfo: (id: number, body: CaseInfoRequest) => call('POST /api/cases/:id/info', { params: { id }, body }),
  rateCase: (id: number, body: RateCaseRequest) => call('POST /api/cases/:id/rating', { params: { id }, body }),
  flagSeriousRisk: (id: number, note: string) => call('POST /api/cases/:id/serious-risk', { params: { id }, body: { note } }),
  clearReview: (id: number) => call('POST /api/cases/:id/review-cleared', { params: { id } }),
  /** 查看号码 on the case page: the handling officer only; the server records each view. */
  revealReporterPhone: (id: number) => call('POST /api/cases/:id/reporter-phone', { params: { id } }),
  /** Station leaders only; the server audits every unseal. */
  unseal: (id: number, reason: string) => call('POST /api/cases/:id/unseal', { params: { id }, body: { reason } }),
  /** 督办 (leaders): open cases of the jurisdiction escalated to the caller's level, most overdue first. */
  supervisionCases: (page: number, pageSize: number) => call('GET /api/supervision/cases', { query: { page, pageSize } }),
  /** 催办 (leaders): the officer gets the instruction in 消息; once per case every 10 minutes (URGE_TOO_FREQUENT). */
  urgeCase: (id: number, body: UrgeCaseRequest) => call('POST /api/cases/:id/urge', { params: { id }, body }),
  /** 责任追究 (inspectors): overdue and escalated cases of the jurisdiction with their response-time trails. */
  inspectionCases: (page: number, pageSize: number) => call('GET /api/inspection/cases', { query: { page, pageSize } }),
  inspectionCase: (id: number) => call('GET /api/inspection/cases/:id', { params: { id } }),
  inquiries: (page: number, pageSize: number) => call('GET /api/inspection/inquiries', { query: { page, pageSize } }),
  /** 核查 (inspectors only): the officer and the station leader are told. */
  openInquiry: (id: number, body: OpenInquiryRequest) => call('POST /api/cases/:id/inquiries', { params: { id }, body }),
  /** A case's 核查, for its officer and the leaders over it (and inspectors). */
  caseInquiries: (id: number) => call('GET /api/cases/:id/inquiries', { params: { id } }),
  /** City leaders: every unseal, newest first (the latest 500). */
  unsealLog: (page: number, pageSize: number) => call('GET /api/cases/unseal-log', { query: { page, pageSize } }),

  // 办事指引 (no login needed to read it)
  searchGuide: (q: string) => call('GET /api/service-guide', { auth: false, query: { q: q || undefined } }),
  matter: (code: string) => call('GET /api/service-guide/:code', { params: { code }, auth: false }),
  /** Admins: every current matter in the guide's order (the editor's list). */
  listMatters: () => call('GET /api/admin/service-guide'),
  matterVersions: (code: string) => call('GET /api/service-guide/:code/versions', { params: { code } }),
  /** Admins: a new version of a matter. */
  updateMatter: (code: string, body: ServiceMatterUpdate) => call('PUT /api/service-guide/:code', { params: { code }, body }),
  /** 请民警协助: a service case with the matter and route filled in (same key → same case). */
  askPoliceHelp: (code: string, body: AssistRequest, idempotencyKey: string) =>
    call('POST /api/service-guide/:code/assist', { params: { code }, body, headers: { 'Idempotency-Key': idempotencyKey } }),

  // 转办
  referralTargets: () => call('GET /api/referral-targets'),
  /** 转办对象管理 (admins): every target with its staff, and the options of the forms. */
  manageReferralTargets: () => call('GET /api/referral-targets/manage'),
  createReferralTarget: (body: CreateReferralTargetRequest) => call('POST /api/referral-targets', { body }),
  updateReferralTarget: (id: number, body: UpdateReferralTargetRequest) => call('PUT /api/referral-targets/:id', { params: { id }, body }),
  /** Retired targets are not offered to officers; referrals already sent stay with them. */
  setReferralTargetActive: (id: number, active: boolean) =>
    active ? call('POST /api/referral-targets/:id/restore', { params: { id } }) : call('POST /api/referral-targets/:id/retire', { params: { id } }),
  refer: (caseId: number, body: CreateReferralRequest) => call('POST /api/cases/:id/referrals', { params: { id: caseId }, body }),
  referralSteps: (caseId: number) => call('GET /api/cases/:id/referral-steps', { params: { id: caseId } }),
  departmentReferrals: (status?: ReferralStatus) => call('GET /api/referrals', { query: { status } }),
  referral: (id: number) => call('GET /api/referrals/:id', { params: { id } }),
  signReferral: (id: number) => call('POST /api/referrals/:id/sign', { params: { id } }),
  replyReferral: (id: number, body: ReferralReplyRequest) => call('POST /api/referrals/:id/reply', { params: { id }, body }),
  governanceClass: (caseId: number) => call('GET /api/cases/:id/governance-class', { params: { id: caseId } }),
  classifyCase: (caseId: number, governanceClass: GovernanceClass) =>
    call('PUT /api/cases/:id/governance-class', { params: { id: caseId }, body: { governanceClass } }),
  referralAgenda: () => call('GET /api/referral-agenda'),
  governanceDigest: (date?: string) => call('GET /api/governance/digest', { query: { date } }),

  // 消息投递 (admins): dead letters of the outbox, and sending one again.
  deadLetters: () => call('GET /api/admin/outbox/dead'),
  retryDeadLetter: (id: number) => call('POST /api/admin/outbox/:id/retry', { params: { id } }),

  // 调解室 (the chat itself goes over the socket: packageMediation/lib/room-socket.ts)
  mediators: (caseId: number) => call('GET /api/mediation/mediators', { query: { caseId } }),
  openRoom: (body: OpenRoomRequest) => call('POST /api/mediation/rooms', { body }),
  requestMediation: (caseId: number) => call('POST /api/mediation/requests', { body: { caseId } }),
  /** The caller's rooms, open ones first, then newest. */
  myRooms: (page: number, pageSize: number) => call('GET /api/mediation/rooms/mine', { query: { page, pageSize } }),
  roomsOfCase: (caseId: number) => call('GET /api/mediation/rooms', { query: { caseId } }),
  room: (id: number) => call('GET /api/mediation/rooms/:id', { params: { id } }),
  roomHistory: (id: number, beforeSeq?: number) => call('GET /api/mediation/rooms/:id/messages', { params: { id }, query: { beforeSeq, limit: 50 } }),
  /** The person has seen the channel up to `seq`: its unread count in the room's detail starts after it. */
  markRoomRead: (id: number, seq: number) => call('POST /api/mediation/rooms/:id/read', { params: { id }, body: { seq } }),
  openCaucus: (id: number, memberId: number) => call('POST /api/mediation/rooms/:id/caucus', { params: { id }, body: { memberId } }),
  inviteToRoom: (id: number, memberId: number) => call('POST /api/mediation/rooms/:id/invitations', { params: { id }, body: { memberId } }),
  joinRoomInvitation: (token: string) => call('POST /api/mediation/invitations/join', { body: { token } }),
  draftAgreement: (id: number, body: DraftAgreementRequest) => call('POST /api/mediation/rooms/:id/agreement', { params: { id }, body }),
  confirmAgreement: (id: number, agreementId: number) => call('POST /api/mediation/rooms/:id/agreement/confirm', { params: { id }, body: { agreementId } }),
  offlineSlots: (id: number) => call('GET /api/mediation/rooms/:id/offline-slots', { params: { id } }),
  transferOffline: (id: number, slotId: number) => call('POST /api/mediation/rooms/:id/transfer', { params: { id }, body: { slotId } }),
  recordOfflineOutcome: (id: number, body: OfflineOutcomeRequest) => call('POST /api/mediation/rooms/:id/offline-outcome', { params: { id }, body }),
  closeRoom: (id: number, body: CloseRoomRequest) => call('POST /api/mediation/rooms/:id/close', { params: { id }, body }),

  // 警民联调室 of the caller's own station and their bookable slots (station staff)
  offlineRooms: () => call('GET /api/mediation/offline-rooms'),
  createOfflineRoom: (body: CreateOfflineRoomRequest) => call('POST /api/mediation/offline-rooms', { body }),
  /** Free slots are no longer offered; bookings already made stay. */
  retireOfflineRoom: (id: number) => call('POST /api/mediation/offline-rooms/:id/retire', { params: { id } }),
  createOfflineSlot: (roomId: number, body: CreateSlotRequest) => call('POST /api/mediation/offline-rooms/:id/slots', { params: { id: roomId }, body }),
  /** Free slots only: a booked one answers SLOT_BOOKED. */
  cancelOfflineSlot: (slotId: number) => call('DELETE /api/mediation/offline-slots/:id', { params: { id: slotId } }),

  // 消息
  notifications: (page: number, pageSize = 20) => call('GET /api/notifications', { query: { page, pageSize } }),
  unreadCount: () => call('GET /api/notifications/unread-count'),
  markNotificationRead: (id: number) => call('POST /api/notifications/:id/read', { params: { id } }),
  /** 全部已读. */
  markAllNotificationsRead: () => call('POST /api/notifications/read-all'),
  /** The caller's own 派出所 (办事指引's 派出所 routes). */
  myStation: () => call('GET /api/me/station'),

  // 人员邀请, 信息员, 审计日志, 调解协议书
  /** The token is answered once: the link is copied from this answer. */
  createStaffInvitation: (body: StaffInvitationRequest) => call('POST /api/staff-invitations', { body }),
  /** Units of the caller's jurisdiction (the invitation form picks a station, branch or the city). */
  orgTree: () => call('GET /api/org/tree'),
  staffInvitations: (page: number, pageSize = 20) => call('GET /api/staff-invitations', { query: { page, pageSize } }),
  revokeStaffInvitation: (id: number) => call('POST /api/staff-invitations/:id/revoke', { params: { id } }),
  /** 领取邀请 as the signed-in person; answers the new staff session. */
  claimStaffInvitation: (token: string) => call('POST /api/staff-invitations/claim', { body: { token } }),
  setInformant: (userId: number, granted: boolean) => call('POST /api/users/:id/informant', { params: { id: userId }, body: { granted } }),
  audit: (query: AuditQuery) => call('GET /api/audit', { query }),
  agreementDocument: (roomId: number) => call('GET /api/mediation/rooms/:id/agreement/print', { params: { id: roomId } }),

  // 数据 (leaders; officers for their own communities): docs/figures.md
  figures: (q: FiguresQuery) => call('GET /api/figures', { query: { from: q.from, to: q.to, orgId: q.orgId } }),
  figureRecords: (q: FigureRecordsQuery) =>
    call('GET /api/figures/records', { query: { counter: q.counter, from: q.from, to: q.to, orgId: q.orgId, page: q.page, pageSize: q.pageSize } }),
  figureTrend: (q: FigureTrendQuery) => call('GET /api/figures/trend', { query: { unit: q.unit, count: q.count, orgId: q.orgId } }),
  /** The workbook (.xlsx): downloaded with the token, then opened (weapp: openDocument) or saved (h5). */
  async openFiguresWorkbook(q: FiguresQuery, filename: string): Promise<void> {
    const path = await download(apiUrl('/api/figures.xlsx', { from: q.from, to: q.to, orgId: q.orgId }))
    await platform.openDocument(path, filename)
  },

  // 会商调度 (leaders) and 督办事项 (their owners): docs/reviews.md
  reviewSchedule: (orgId?: number) => call('GET /api/reviews', { query: { orgId } }),
  reviewPacket: (from: string, orgId?: number) => call('GET /api/reviews/packet', { query: { from, orgId } }),
  recordReview: (body: RecordReviewRequest) => call('POST /api/reviews', { body }),
  review: (id: number) => call('GET /api/reviews/:id', { params: { id } }),
  myFollowUps: () => call('GET /api/follow-ups/mine'),
  completeFollowUp: (id: number, note: string) => call('POST /api/follow-ups/:id/done', { params: { id }, body: { note } }),
  supervisedFollowUps: () => call('GET /api/supervision/follow-ups', { query: { status: 'open' } }),
  majorIssues: () => call('GET /api/major-issues'),
  raiseMajorIssue: (body: RaiseMajorIssueRequest) => call('POST /api/major-issues', { body }),
  answerMajorIssue: (id: number, feedback: string) => call('POST /api/major-issues/:id/feedback', { params: { id }, body: { feedback } }),
  /** The packet's workbook (.xlsx), opened like the figures'. */
  async openReviewPacket(from: string, orgId: number | undefined, filename: string): Promise<void> {
    const path = await download(apiUrl('/api/reviews/packet.xlsx', { from, orgId }))
    await platform.openDocument(path, filename)
  },
  // 激励奖励 (docs/rewards.md): 一事一奖, the 正气 naming consent, 成绩突出社区民警
  proposeReward: (body: ProposeRewardRequest) => call('POST /api/rewards', { body }),
  rewards: (status: RewardStatus | undefined, page: number, pageSize = 20) => call('GET /api/rewards', { query: { status, page, pageSize } }),
  myRewards: (page: number, pageSize = 20) => call('GET /api/rewards/mine', { query: { page, pageSize } }),
  decideReward: (id: number, body: DecideRewardRequest) => call('POST /api/rewards/:id/decision', { params: { id }, body }),
  answerNaming: (id: number, agree: boolean) => call('POST /api/rewards/:id/naming', { params: { id }, body: { agree } }),
  officerRanking: (month: string, orgId?: number) => call('GET /api/officer-ranking', { query: { month, orgId } }),
  nameOfficer: (month: string, officerId: number) => call('POST /api/officer-honours', { body: { month, officerId } }),
}
