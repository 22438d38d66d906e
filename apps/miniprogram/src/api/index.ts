import type {
  StationContact,
  WorkbenchAlerts,
  WorkbenchUnit,
  MemberPage,
  MemberPhoneView,
  MemberView,
  RefuseMembershipRequest,
  CaseActionRequest,
  CaseDetail,
  CaseInfoRequest,
  CaseNoteRequest,
  CaseQueueQuery,
  CaseSummary,
  CreateCaseRequest,
  NotificationView,
  OutboxDeadLetterView,
  OutboxRetryResult,
  RateCaseRequest,
  UnsealLogEntry,
  UnsealView,
  UploadView,
  CommunityInviteView,
  CommunityView,
  DemoUser,
  DevLoginRequest,
  JoinByCodeRequest,
  LoginResponse,
  MemberType,
  MembershipView,
  MembershipStatus,
  Page,
  RefreshRequest,
  UserView,
  WechatLoginRequest,
  WorkbenchCommunity,
  AssistRequest,
  CreateReferralRequest,
  CreateReferralTargetRequest,
  ReferralReplyRequest,
  ReferralStatus,
  ReferralStepView,
  ReferralTargetAdminPage,
  ReferralTargetAdminView,
  ReferralTargetView,
  ReferralView,
  UpdateReferralTargetRequest,
  ServiceGuideSearchResult,
  ServiceMatterVersion,
  ServiceMatterView,
  ServiceMatterUpdate,
  GovernanceClass,
  GovernanceClassView,
  GovernanceDigest,
  ReferralAgendaItemView,
  CloseRoomRequest,
  CreateOfflineRoomRequest,
  CreateSlotRequest,
  DraftAgreementRequest,
  MediatorView,
  MessagePage,
  MessageView,
  OfflineOutcomeRequest,
  OfflineRoomView,
  OfflineSlotView,
  OpenRoomRequest,
  RoomDetail,
  RoomInvitationView,
  RoomSummary,
  SendMessageRequest,
  SupervisedCase,
  UrgeCaseRequest,
} from '@jws/contracts'

import type { ChosenImage } from '../platform/types'
import { request, upload } from './client'

export { ApiError, errorMessage, isApiError } from './errors'

/** List endpoints may answer a bare array or a Page<T>; pages only need the items. */
async function list<T>(promise: Promise<T[] | Page<T>>): Promise<T[]> {
  const body = await promise
  return Array.isArray(body) ? body : body.items
}

/** Paged endpoints; a bare array (older server) is read as one page. */
async function page<T>(promise: Promise<T[] | Page<T>>): Promise<Page<T>> {
  const body = await promise
  return Array.isArray(body) ? { items: body, total: body.length, page: 1, pageSize: body.length } : body
}

/** Typed calls of the HTTP API (all under /api). Pages use these, never URLs. */
export const api = {
  // identity
  demoUsers: () => list(request<DemoUser[] | Page<DemoUser>>('GET', '/api/auth/demo-users', undefined, { auth: false })),
  devLogin: (body: DevLoginRequest) => request<LoginResponse>('POST', '/api/auth/dev-login', body, { auth: false }),
  wechatLogin: (body: WechatLoginRequest) => request<LoginResponse>('POST', '/api/auth/wechat', body, { auth: false }),
  /** Revokes the refresh token (and its family) on the server. */
  logout: (body: RefreshRequest) => request<void>('POST', '/api/auth/logout', body, { auth: false }),
  me: () => request<UserView>('GET', '/api/me'),
  myMemberships: () => list(request<MembershipView[] | Page<MembershipView>>('GET', '/api/me/memberships')),

  // residents joining a community
  joinByCode: (body: JoinByCodeRequest) => request<MembershipView>('POST', '/api/communities/join-by-code', body),
  /** One page of the city's communities to ask to join; `q` searches community and station names. */
  communityDirectory: (q: { page?: number; pageSize?: number; q?: string } = {}) =>
    request<Page<CommunityView>>('GET', '/api/communities/directory', undefined, { query: { page: q.page, pageSize: q.pageSize, q: q.q || undefined } }),
  /**
   * Asks to join (again after a refusal: the request is pending once more), with the 申请说明 for
   * the officer; without `note`, asking again keeps the previous one.
   */
  requestToJoin: (communityId: number, memberType: MemberType, note?: string) =>
    request<MembershipView>('POST', `/api/communities/${communityId}/join-requests`, note === undefined ? { memberType } : { memberType, note }),

  // 工作台
  /** One page of the communities in the caller's jurisdiction, with member counts; `q` searches names. */
  workbenchCommunities: (q: { page?: number; pageSize?: number; q?: string; under?: number } = {}) =>
    request<Page<WorkbenchCommunity>>('GET', '/api/workbench/communities', undefined, { query: { page: q.page, pageSize: q.pageSize, q: q.q || undefined, under: q.under } }),
  /** One community of the caller's jurisdiction (404 outside it): its name for the community page. */
  workbenchCommunity: (communityId: number) => request<WorkbenchCommunity>('GET', `/api/workbench/communities/${communityId}`),
  /** One page of a community's members, phone numbers masked; `canRevealPhone` for the responsible officer. */
  communityMembers: (communityId: number, q: { status: MembershipStatus; page: number; pageSize: number }) =>
    request<MemberPage>('GET', `/api/communities/${communityId}/members`, undefined, { query: { status: q.status, page: q.page, pageSize: q.pageSize } }),
  /** 查看号码: one member's full number, for the responsible officer; audited on the server. */
  revealMemberPhone: (communityId: number, membershipId: number) =>
    request<MemberPhoneView>('POST', `/api/communities/${communityId}/members/${membershipId}/phone`),
  /** 通过: one tap; the resident is told they joined. */
  approveMembership: (membershipId: number) => request<MemberView>('POST', `/api/memberships/${membershipId}/approve`),
  /** 拒绝 with the reason the resident is told (MEMBERSHIP_REFUSAL_REASON_MIN–MAX characters). */
  refuseMembership: (membershipId: number, body: RefuseMembershipRequest) => request<MemberView>('POST', `/api/memberships/${membershipId}/refuse`, body),
  createInvite: (communityId: number) => request<CommunityInviteView>('POST', `/api/communities/${communityId}/invites`),
  /** The codes that still let people in, newest first. */
  liveInvites: (communityId: number) => request<CommunityInviteView[]>('GET', `/api/communities/${communityId}/invites`),
  /** 作废 one code; answers the codes still live. */
  revokeInvite: (communityId: number, code: string) =>
    request<CommunityInviteView[]>('POST', `/api/communities/${communityId}/invites/${encodeURIComponent(code)}/revoke`),

  // reports (上报) and their handling
  /** multipart field `file`; jpeg/png/webp ≤ 5 MB. */
  uploadPhoto: (image: Pick<ChosenImage, 'path' | 'source'>) => upload<UploadView>('/api/uploads', image, 'file'),
  /** Same key + same body answers the same case, so a retry after a lost answer is safe. */
  createCase: (body: CreateCaseRequest, idempotencyKey: string) =>
    request<CaseDetail>('POST', '/api/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  myCases: (pageNo: number, pageSize: number) =>
    page(request<CaseSummary[] | Page<CaseSummary>>('GET', '/api/cases/mine', undefined, { query: { page: pageNo, pageSize } })),
  /** Staff queue in scope: overdue first, then by deadline; without `status` the open cases. */
  caseQueue: (q: CaseQueueQuery) =>
    page(request<CaseSummary[] | Page<CaseSummary>>('GET', '/api/cases', undefined, {
      query: { status: q.status, q: q.q, kind: q.kind, communityId: q.communityId, overdue: q.overdue ? 'true' : undefined, page: q.page, pageSize: q.pageSize },
    })),
  caseDetail: (id: number) => request<CaseDetail>('GET', `/api/cases/${id}`),
  caseAction: (id: number, body: CaseActionRequest) => request<CaseDetail>('POST', `/api/cases/${id}/actions`, body),
  caseNote: (id: number, body: CaseNoteRequest) => request<CaseDetail>('POST', `/api/cases/${id}/notes`, body),
  caseInfo: (id: number, body: CaseInfoRequest) => request<CaseDetail>('POST', `/api/cases/${id}/info`, body),
  rateCase: (id: number, body: RateCaseRequest) => request<CaseDetail>('POST', `/api/cases/${id}/rating`, body),
  flagSeriousRisk: (id: number, note: string) => request<CaseDetail>('POST', `/api/cases/${id}/serious-risk`, { note }),
  clearReview: (id: number) => request<CaseDetail>('POST', `/api/cases/${id}/review-cleared`),
  /** Station leaders only; the server audits every unseal. */
  unseal: (id: number, reason: string) => request<UnsealView>('POST', `/api/cases/${id}/unseal`, { reason }),
  /** 督办 (leaders): open cases of the jurisdiction escalated to the caller's level, most overdue first. */
  supervisionCases: (pageNo: number, pageSize: number) =>
    request<Page<SupervisedCase>>('GET', '/api/supervision/cases', undefined, { query: { page: pageNo, pageSize } }),
  /** 催办 (leaders): the officer gets the instruction in 消息; once per case every 10 minutes (URGE_TOO_FREQUENT). */
  urgeCase: (id: number, body: UrgeCaseRequest) => request<CaseDetail>('POST', `/api/cases/${id}/urge`, body),
  /** City leaders: every unseal, newest first (the latest 500). */
  unsealLog: (pageNo: number, pageSize: number) => request<Page<UnsealLogEntry>>('GET', '/api/cases/unseal-log', undefined, { query: { page: pageNo, pageSize } }),

  // 办事指引 (no login needed to read it)
  searchGuide: (q: string) => request<ServiceGuideSearchResult>('GET', '/api/service-guide', undefined, { auth: false, query: { q: q || undefined } }),
  matter: (code: string) => request<ServiceMatterView>('GET', `/api/service-guide/${encodeURIComponent(code)}`, undefined, { auth: false }),
  /** Admins: every current matter in the guide's order (the editor's list). */
  listMatters: () => request<ServiceMatterView[]>('GET', '/api/admin/service-guide'),
  /** Admins: a new version of a matter. */
  matterVersions: (code: string) => request<ServiceMatterVersion[]>('GET', `/api/service-guide/${encodeURIComponent(code)}/versions`),
  updateMatter: (code: string, body: ServiceMatterUpdate) => request<ServiceMatterView>('PUT', `/api/service-guide/${encodeURIComponent(code)}`, body),
  /** 请民警协助: a service case with the matter and route filled in (same key → same case). */
  askPoliceHelp: (code: string, body: AssistRequest, idempotencyKey: string) =>
    request<CaseDetail>('POST', `/api/service-guide/${encodeURIComponent(code)}/assist`, body, { headers: { 'Idempotency-Key': idempotencyKey } }),

  // 转办
  referralTargets: () => list(request<ReferralTargetView[] | Page<ReferralTargetView>>('GET', '/api/referral-targets')),
  /** 转办对象管理 (admins): every target with its staff, and the options of the forms. */
  manageReferralTargets: () => request<ReferralTargetAdminPage>('GET', '/api/referral-targets/manage'),
  createReferralTarget: (body: CreateReferralTargetRequest) => request<ReferralTargetView>('POST', '/api/referral-targets', body),
  updateReferralTarget: (id: number, body: UpdateReferralTargetRequest) => request<ReferralTargetAdminView>('PUT', `/api/referral-targets/${id}`, body),
  /** Retired targets are not offered to officers; referrals already sent stay with them. */
  setReferralTargetActive: (id: number, active: boolean) =>
    request<ReferralTargetAdminView>('POST', `/api/referral-targets/${id}/${active ? 'restore' : 'retire'}`),
  refer: (caseId: number, body: CreateReferralRequest) => request<ReferralView>('POST', `/api/cases/${caseId}/referrals`, body),
  caseReferrals: (caseId: number) => list(request<ReferralView[] | Page<ReferralView>>('GET', `/api/cases/${caseId}/referrals`)),
  referralSteps: (caseId: number) => list(request<ReferralStepView[] | Page<ReferralStepView>>('GET', `/api/cases/${caseId}/referral-steps`)),
  departmentReferrals: (status?: ReferralStatus) =>
    list(request<ReferralView[] | Page<ReferralView>>('GET', '/api/referrals', undefined, { query: { status } })),
  referral: (id: number) => request<ReferralView>('GET', `/api/referrals/${id}`),
  signReferral: (id: number) => request<ReferralView>('POST', `/api/referrals/${id}/sign`),
  replyReferral: (id: number, body: ReferralReplyRequest) => request<ReferralView>('POST', `/api/referrals/${id}/reply`, body),
  governanceClass: (caseId: number) => request<GovernanceClassView>('GET', `/api/cases/${caseId}/governance-class`),
  classifyCase: (caseId: number, governanceClass: GovernanceClass) =>
    request<GovernanceClassView>('PUT', `/api/cases/${caseId}/governance-class`, { governanceClass }),
  referralAgenda: () => list(request<ReferralAgendaItemView[] | Page<ReferralAgendaItemView>>('GET', '/api/referral-agenda')),
  governanceDigest: (date?: string) => request<GovernanceDigest>('GET', '/api/governance/digest', undefined, { query: { date } }),

  // 消息投递 (admins): dead letters of the outbox, and sending one again.
  deadLetters: () => request<OutboxDeadLetterView[]>('GET', '/api/admin/outbox/dead'),
  retryDeadLetter: (id: number) => request<OutboxRetryResult>('POST', `/api/admin/outbox/${id}/retry`),

  // 调解室 (the chat itself goes over the socket: packageMediation/lib/room-socket.ts)
  mediators: (caseId: number) => request<MediatorView[]>('GET', '/api/mediation/mediators', undefined, { query: { caseId } }),
  openRoom: (body: OpenRoomRequest) => request<RoomDetail>('POST', '/api/mediation/rooms', body),
  requestMediation: (caseId: number) => request<void>('POST', '/api/mediation/requests', { caseId }),
  /** The caller's rooms, open ones first, then newest. */
  myRooms: (pageNo: number, pageSize: number) => request<Page<RoomSummary>>('GET', '/api/mediation/rooms/mine', undefined, { query: { page: pageNo, pageSize } }),
  roomsOfCase: (caseId: number) => request<RoomSummary[]>('GET', '/api/mediation/rooms', undefined, { query: { caseId } }),
  room: (id: number) => request<RoomDetail>('GET', `/api/mediation/rooms/${id}`),
  roomHistory: (id: number, beforeSeq?: number) =>
    request<MessagePage>('GET', `/api/mediation/rooms/${id}/messages`, undefined, { query: { beforeSeq, limit: 50 } }),
  /** Fallback when the socket is down: same idempotency by clientMsgId. */
  sendRoomMessage: (id: number, body: SendMessageRequest) => request<MessageView>('POST', `/api/mediation/rooms/${id}/messages`, body),
  /** The person has seen the channel up to `seq`: its unread count in the room's detail starts after it. */
  markRoomRead: (id: number, seq: number) => request<unknown>('POST', `/api/mediation/rooms/${id}/read`, { seq }),
  openCaucus: (id: number, memberId: number) => request<RoomDetail>('POST', `/api/mediation/rooms/${id}/caucus`, { memberId }),
  inviteToRoom: (id: number, memberId: number) => request<RoomInvitationView>('POST', `/api/mediation/rooms/${id}/invitations`, { memberId }),
  joinRoomInvitation: (token: string) => request<RoomDetail>('POST', '/api/mediation/invitations/join', { token }),
  draftAgreement: (id: number, body: DraftAgreementRequest) => request<RoomDetail>('POST', `/api/mediation/rooms/${id}/agreement`, body),
  confirmAgreement: (id: number, agreementId: number) => request<RoomDetail>('POST', `/api/mediation/rooms/${id}/agreement/confirm`, { agreementId }),
  offlineSlots: (id: number) => request<OfflineSlotView[]>('GET', `/api/mediation/rooms/${id}/offline-slots`),
  transferOffline: (id: number, slotId: number) => request<RoomDetail>('POST', `/api/mediation/rooms/${id}/transfer`, { slotId }),
  recordOfflineOutcome: (id: number, body: OfflineOutcomeRequest) => request<RoomDetail>('POST', `/api/mediation/rooms/${id}/offline-outcome`, body),
  closeRoom: (id: number, body: CloseRoomRequest) => request<RoomDetail>('POST', `/api/mediation/rooms/${id}/close`, body),

  // 警民联调室 of the caller's own station and their bookable slots (station staff)
  offlineRooms: () => list(request<OfflineRoomView[] | Page<OfflineRoomView>>('GET', '/api/mediation/offline-rooms')),
  createOfflineRoom: (body: CreateOfflineRoomRequest) => request<OfflineRoomView>('POST', '/api/mediation/offline-rooms', body),
  /** Free slots are no longer offered; bookings already made stay. */
  retireOfflineRoom: (id: number) => request<OfflineRoomView>('POST', `/api/mediation/offline-rooms/${id}/retire`),
  createOfflineSlot: (roomId: number, body: CreateSlotRequest) => request<OfflineSlotView>('POST', `/api/mediation/offline-rooms/${roomId}/slots`, body),
  /** Free slots only: a booked one answers SLOT_BOOKED. */
  cancelOfflineSlot: (slotId: number) => request<void>('DELETE', `/api/mediation/offline-slots/${slotId}`),

  // 消息
  notifications: (pageNo: number, pageSize = 20) =>
    page(request<NotificationView[] | Page<NotificationView>>('GET', '/api/notifications', undefined, { query: { page: pageNo, pageSize } })),
  unreadCount: () => request<{ count: number }>('GET', '/api/notifications/unread-count'),
  markNotificationRead: (id: number) => request<unknown>('POST', `/api/notifications/${id}/read`),
  /** 全部已读. */
  markAllNotificationsRead: () => request<{ count: number }>('POST', '/api/notifications/read-all'),

  // 工作台 alerts and the leaders' drill-down; the caller's own 派出所 for 办事指引
  workbenchAlerts: () => request<WorkbenchAlerts>('GET', '/api/workbench/alerts'),
  workbenchUnits: (parentId?: number) => request<WorkbenchUnit[]>('GET', '/api/workbench/units', undefined, { query: { parentId } }),
  myStation: () => request<{ station: StationContact | null }>('GET', '/api/me/station'),
}
