import type {
  AssistRequest, CaseActionRequest, CaseDetail, CaseInfoRequest, CaseNoteRequest, CaseStatus, CaseKind, CaseSummary, CloseRoomRequest,
  CommunityInviteView, CommunityView, CreateCaseRequest, CreateOfflineRoomRequest, CreateReferralRequest, CreateReferralTargetRequest,
  CreateSlotRequest, DemoUser, DevLoginRequest, DraftAgreementRequest, GovernanceClass, GovernanceClassView, GovernanceDigest,
  JoinByCodeRequest, LoginResponse, MediatorView, MemberPage, MemberPhoneView, MemberType, MemberView, MembershipStatus, MembershipView,
  MessagePage, NotificationView, OfflineOutcomeRequest, OfflineRoomView, OfflineSlotView, OpenRoomRequest, OutboxDeadLetterView,
  OutboxRetryResult, Page, RateCaseRequest, ReferralAgendaItemView, ReferralReplyRequest, ReferralStatus, ReferralStepView,
  ReferralTargetAdminPage, ReferralTargetAdminView, ReferralTargetView, ReferralView, RefreshRequest, RefuseMembershipRequest, RoomDetail,
  RoomInvitationView, RoomSummary, ServiceGuideSearchResult, ServiceMatterUpdate, ServiceMatterVersion, ServiceMatterView, SupervisedCase,
  UnsealLogEntry, UnsealView, UpdateReferralTargetRequest, UploadView, UrgeCaseRequest, UserView, WechatLoginRequest, WorkbenchCommunity,
  StationContact, WorkbenchAlerts, WorkbenchUnit,
} from './index';

/** `?page=&pageSize=` of the paged lists. */
interface PageQuery { page?: number; pageSize?: number }
/** `?q=` name search of the community lists, paged. */
interface NameQuery extends PageQuery { q?: string }

/**
 * The HTTP API as its clients call it: each route (`METHOD /path`, path parameters as `:name`) with
 * the JSON body it takes, its query string and the one shape it answers. The mini program's calls
 * (apps/miniprogram/src/api/index.ts) take their types from this table only, so a path cannot drift
 * from the type it answers, and a list is either an array or a `Page<T>`, never "either".
 */
export interface HttpApi {
  // identity
  'GET /api/auth/demo-users': { response: DemoUser[] };
  'POST /api/auth/dev-login': { body: DevLoginRequest; response: LoginResponse };
  'POST /api/auth/wechat': { body: WechatLoginRequest; response: LoginResponse };
  'POST /api/auth/refresh': { body: RefreshRequest; response: LoginResponse };
  /** Revokes the refresh token (and its family). */
  'POST /api/auth/logout': { body: RefreshRequest; response: void };
  'GET /api/me': { response: UserView };
  'GET /api/me/memberships': { response: MembershipView[] };

  // communities: joining, 工作台, members, invites
  'POST /api/communities/join-by-code': { body: JoinByCodeRequest; response: MembershipView };
  'GET /api/communities/directory': { query: NameQuery; response: Page<CommunityView> };
  /** Without `note`, asking again keeps the previous 申请说明. */
  'POST /api/communities/:id/join-requests': { body: { memberType: MemberType; note?: string }; response: MembershipView };
  'GET /api/workbench/communities': { query: NameQuery & { under?: number }; response: Page<WorkbenchCommunity> };
  /** Leaders' drill-down: the branches or stations under `parentId` (default: the caller's unit). */
  'GET /api/workbench/units': { query: { parentId?: number }; response: WorkbenchUnit[] };
  /** What waits for the caller: the counts on the 工作台 entries and its tab badge. */
  'GET /api/workbench/alerts': { response: WorkbenchAlerts };
  /** The caller's own 派出所 with its address and phone (办事指引). */
  'GET /api/me/station': { response: { station: StationContact | null } };
  'GET /api/workbench/communities/:id': { response: WorkbenchCommunity };
  'GET /api/communities/:id/members': { query: { status: MembershipStatus; page: number; pageSize: number }; response: MemberPage };
  'POST /api/communities/:id/members/:membershipId/phone': { response: MemberPhoneView };
  'POST /api/memberships/:id/approve': { response: MemberView };
  'POST /api/memberships/:id/refuse': { body: RefuseMembershipRequest; response: MemberView };
  'POST /api/communities/:id/invites': { response: CommunityInviteView };
  'GET /api/communities/:id/invites': { response: CommunityInviteView[] };
  'POST /api/communities/:id/invites/:code/revoke': { response: CommunityInviteView[] };

  // reports (上报) and their handling; `POST /api/uploads` is multipart (field `file`)
  'POST /api/uploads': { response: UploadView };
  'POST /api/cases': { body: CreateCaseRequest; response: CaseDetail };
  'GET /api/cases/mine': { query: PageQuery; response: Page<CaseSummary> };
  'GET /api/cases': {
    query: { status?: CaseStatus | 'all'; q?: string; kind?: CaseKind; communityId?: number; overdue?: 'true'; page?: number; pageSize?: number };
    response: Page<CaseSummary>;
  };
  'GET /api/cases/:id': { response: CaseDetail };
  'POST /api/cases/:id/actions': { body: CaseActionRequest; response: CaseDetail };
  'POST /api/cases/:id/notes': { body: CaseNoteRequest; response: CaseDetail };
  'POST /api/cases/:id/info': { body: CaseInfoRequest; response: CaseDetail };
  'POST /api/cases/:id/rating': { body: RateCaseRequest; response: CaseDetail };
  'POST /api/cases/:id/serious-risk': { body: { note: string }; response: CaseDetail };
  'POST /api/cases/:id/review-cleared': { response: CaseDetail };
  'POST /api/cases/:id/unseal': { body: { reason: string }; response: UnsealView };
  'POST /api/cases/:id/urge': { body: UrgeCaseRequest; response: CaseDetail };
  'GET /api/cases/unseal-log': { query: PageQuery; response: Page<UnsealLogEntry> };
  'GET /api/supervision/cases': { query: PageQuery; response: Page<SupervisedCase> };

  // 办事指引
  'GET /api/service-guide': { query: { q?: string }; response: ServiceGuideSearchResult };
  'GET /api/service-guide/:code': { response: ServiceMatterView };
  'GET /api/admin/service-guide': { response: ServiceMatterView[] };
  'GET /api/service-guide/:code/versions': { response: ServiceMatterVersion[] };
  'PUT /api/service-guide/:code': { body: ServiceMatterUpdate; response: ServiceMatterView };
  'POST /api/service-guide/:code/assist': { body: AssistRequest; response: CaseDetail };

  // 转办
  'GET /api/referral-targets': { response: ReferralTargetView[] };
  'GET /api/referral-targets/manage': { response: ReferralTargetAdminPage };
  'POST /api/referral-targets': { body: CreateReferralTargetRequest; response: ReferralTargetView };
  'PUT /api/referral-targets/:id': { body: UpdateReferralTargetRequest; response: ReferralTargetAdminView };
  'POST /api/referral-targets/:id/retire': { response: ReferralTargetAdminView };
  'POST /api/referral-targets/:id/restore': { response: ReferralTargetAdminView };
  'POST /api/cases/:id/referrals': { body: CreateReferralRequest; response: ReferralView };
  'GET /api/cases/:id/referral-steps': { response: ReferralStepView[] };
  'GET /api/referrals': { query: { status?: ReferralStatus }; response: ReferralView[] };
  'GET /api/referrals/:id': { response: ReferralView };
  'POST /api/referrals/:id/sign': { response: ReferralView };
  'POST /api/referrals/:id/reply': { body: ReferralReplyRequest; response: ReferralView };
  'GET /api/cases/:id/governance-class': { response: GovernanceClassView };
  'PUT /api/cases/:id/governance-class': { body: { governanceClass: GovernanceClass }; response: GovernanceClassView };
  'GET /api/referral-agenda': { response: ReferralAgendaItemView[] };
  'GET /api/governance/digest': { query: { date?: string }; response: GovernanceDigest };

  // 消息投递 (admins)
  'GET /api/admin/outbox/dead': { response: OutboxDeadLetterView[] };
  'POST /api/admin/outbox/:id/retry': { response: OutboxRetryResult };

  // 调解室 (the chat itself goes over the socket: docs/realtime.md)
  'GET /api/mediation/mediators': { query: { caseId: number }; response: MediatorView[] };
  'POST /api/mediation/rooms': { body: OpenRoomRequest; response: RoomDetail };
  'POST /api/mediation/requests': { body: { caseId: number }; response: void };
  'GET /api/mediation/rooms/mine': { query: PageQuery; response: Page<RoomSummary> };
  'GET /api/mediation/rooms': { query: { caseId: number }; response: RoomSummary[] };
  'GET /api/mediation/rooms/:id': { response: RoomDetail };
  'GET /api/mediation/rooms/:id/messages': { query: { beforeSeq?: number; limit: number }; response: MessagePage };
  'POST /api/mediation/rooms/:id/read': { body: { seq: number }; response: unknown };
  'POST /api/mediation/rooms/:id/caucus': { body: { memberId: number }; response: RoomDetail };
  'POST /api/mediation/rooms/:id/invitations': { body: { memberId: number }; response: RoomInvitationView };
  'POST /api/mediation/invitations/join': { body: { token: string }; response: RoomDetail };
  'POST /api/mediation/rooms/:id/agreement': { body: DraftAgreementRequest; response: RoomDetail };
  'POST /api/mediation/rooms/:id/agreement/confirm': { body: { agreementId: number }; response: RoomDetail };
  'GET /api/mediation/rooms/:id/offline-slots': { response: OfflineSlotView[] };
  'POST /api/mediation/rooms/:id/transfer': { body: { slotId: number }; response: RoomDetail };
  'POST /api/mediation/rooms/:id/offline-outcome': { body: OfflineOutcomeRequest; response: RoomDetail };
  'POST /api/mediation/rooms/:id/close': { body: CloseRoomRequest; response: RoomDetail };
  'GET /api/mediation/offline-rooms': { response: OfflineRoomView[] };
  'POST /api/mediation/offline-rooms': { body: CreateOfflineRoomRequest; response: OfflineRoomView };
  'POST /api/mediation/offline-rooms/:id/retire': { response: OfflineRoomView };
  'POST /api/mediation/offline-rooms/:id/slots': { body: CreateSlotRequest; response: OfflineSlotView };
  'DELETE /api/mediation/offline-slots/:id': { response: void };

  // 消息
  'GET /api/notifications': { query: PageQuery; response: Page<NotificationView> };
  'GET /api/notifications/unread-count': { response: { count: number } };
  'POST /api/notifications/:id/read': { response: unknown };
  /** 全部已读. */
  'POST /api/notifications/read-all': { response: { count: number } };
}

export type HttpRoute = keyof HttpApi;
export type HttpMethod = HttpRoute extends `${infer M} ${string}` ? M : never;
export type HttpResponse<R extends HttpRoute> = HttpApi[R]['response'];

/** The `:name` parameters of a path. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a call of one route needs: its path parameters, its body and its query (when it has them). */
export type HttpCall<R extends HttpRoute> = (ParamNames<R> extends never ? { params?: never } : { params: Record<ParamNames<R>, string | number> })
  & (HttpApi[R] extends { body: infer B } ? { body: B } : { body?: never })
  & (HttpApi[R] extends { query: infer Q } ? { query?: Q } : { query?: never });

/** `/api/cases/:id` with `{ id: 7 }` → `/api/cases/7` (each value URL-encoded). */
export function httpPath(route: HttpRoute, params: Record<string, string | number> = {}): string {
  const path = route.slice(route.indexOf(' ') + 1);
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
