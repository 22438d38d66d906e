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
} from './index';

/** `?page=&pageSize=` of the paged lists. */
interface PageQuery { page?: number; pageSize?: number }
/** `?q=` name search of the community lists, paged. */
interface NameQuery extends PageQuery { q?: string }

/** One route's shapes, carried by its type only (the value is an empty object). */
export interface RouteShape<Response, Body, Query> {
  response: Response;
  body: Body;
  query: Query;
}

/** A route answering `Response`, taking a JSON `Body` and a `Query` string (never: none). */
const route = <Response, Body = never, Query = never>() => ({}) as RouteShape<Response, Body, Query>;

/**
 * The HTTP API as its clients call it: each route (`METHOD /path`, path parameters as `:name`) with
 * the JSON body it takes, its query string and the one shape it answers. The mini program's calls
 * (apps/miniprogram/src/api/index.ts) take their types from this table only, so a path cannot drift
 * from the type it answers, and a list is either an array or a `Page<T>`, never "either". The service's
 * own test (apps/server/test/http-api.service-spec.ts) checks every route here is one it serves.
 */
export const HTTP_API = {
  // identity
  'GET /api/auth/demo-users': route<DemoUser[]>(),
  'POST /api/auth/dev-login': route<LoginResponse, DevLoginRequest>(),
  'POST /api/auth/wechat': route<LoginResponse, WechatLoginRequest>(),
  'POST /api/auth/refresh': route<LoginResponse, RefreshRequest>(),
  /** Revokes the refresh token (and its family). */
  'POST /api/auth/logout': route<void, RefreshRequest>(),
  'GET /api/me': route<UserView>(),
  'GET /api/me/memberships': route<MembershipView[]>(),

  // communities: joining, 工作台, members, invites
  'POST /api/communities/join-by-code': route<MembershipView, JoinByCodeRequest>(),
  'GET /api/communities/directory': route<Page<CommunityView>, never, NameQuery>(),
  /** Without `note`, asking again keeps the previous 申请说明. */
  'POST /api/communities/:id/join-requests': route<MembershipView, { memberType: MemberType; note?: string }>(),
  'GET /api/workbench/communities': route<Page<WorkbenchCommunity>, never, NameQuery>(),
  'GET /api/workbench/communities/:id': route<WorkbenchCommunity>(),
  'GET /api/communities/:id/members': route<MemberPage, never, { status: MembershipStatus; page: number; pageSize: number }>(),
  'POST /api/communities/:id/members/:membershipId/phone': route<MemberPhoneView>(),
  'POST /api/memberships/:id/approve': route<MemberView>(),
  'POST /api/memberships/:id/refuse': route<MemberView, RefuseMembershipRequest>(),
  'POST /api/communities/:id/invites': route<CommunityInviteView>(),
  'GET /api/communities/:id/invites': route<CommunityInviteView[]>(),
  'POST /api/communities/:id/invites/:code/revoke': route<CommunityInviteView[]>(),

  // reports (上报) and their handling; `POST /api/uploads` is multipart (field `file`)
  'POST /api/uploads': route<UploadView>(),
  'POST /api/cases': route<CaseDetail, CreateCaseRequest>(),
  'GET /api/cases/mine': route<Page<CaseSummary>, never, PageQuery>(),
  'GET /api/cases': route<
    Page<CaseSummary>,
    never,
    { status?: CaseStatus | 'all'; q?: string; kind?: CaseKind; communityId?: number; overdue?: 'true'; page?: number; pageSize?: number }
  >(),
  'GET /api/cases/:id': route<CaseDetail>(),
  'POST /api/cases/:id/actions': route<CaseDetail, CaseActionRequest>(),
  'POST /api/cases/:id/notes': route<CaseDetail, CaseNoteRequest>(),
  'POST /api/cases/:id/info': route<CaseDetail, CaseInfoRequest>(),
  'POST /api/cases/:id/rating': route<CaseDetail, RateCaseRequest>(),
  'POST /api/cases/:id/serious-risk': route<CaseDetail, { note: string }>(),
  'POST /api/cases/:id/review-cleared': route<CaseDetail>(),
  'POST /api/cases/:id/unseal': route<UnsealView, { reason: string }>(),
  'POST /api/cases/:id/urge': route<CaseDetail, UrgeCaseRequest>(),
  'GET /api/cases/unseal-log': route<Page<UnsealLogEntry>, never, PageQuery>(),
  'GET /api/supervision/cases': route<Page<SupervisedCase>, never, PageQuery>(),

  // 办事指引
  'GET /api/service-guide': route<ServiceGuideSearchResult, never, { q?: string }>(),
  'GET /api/service-guide/:code': route<ServiceMatterView>(),
  'GET /api/admin/service-guide': route<ServiceMatterView[]>(),
  'GET /api/service-guide/:code/versions': route<ServiceMatterVersion[]>(),
  'PUT /api/service-guide/:code': route<ServiceMatterView, ServiceMatterUpdate>(),
  'POST /api/service-guide/:code/assist': route<CaseDetail, AssistRequest>(),

  // 转办
  'GET /api/referral-targets': route<ReferralTargetView[]>(),
  'GET /api/referral-targets/manage': route<ReferralTargetAdminPage>(),
  'POST /api/referral-targets': route<ReferralTargetView, CreateReferralTargetRequest>(),
  'PUT /api/referral-targets/:id': route<ReferralTargetAdminView, UpdateReferralTargetRequest>(),
  'POST /api/referral-targets/:id/retire': route<ReferralTargetAdminView>(),
  'POST /api/referral-targets/:id/restore': route<ReferralTargetAdminView>(),
  'POST /api/cases/:id/referrals': route<ReferralView, CreateReferralRequest>(),
  'GET /api/cases/:id/referral-steps': route<ReferralStepView[]>(),
  'GET /api/referrals': route<ReferralView[], never, { status?: ReferralStatus }>(),
  'GET /api/referrals/:id': route<ReferralView>(),
  'POST /api/referrals/:id/sign': route<ReferralView>(),
  'POST /api/referrals/:id/reply': route<ReferralView, ReferralReplyRequest>(),
  'GET /api/cases/:id/governance-class': route<GovernanceClassView>(),
  'PUT /api/cases/:id/governance-class': route<GovernanceClassView, { governanceClass: GovernanceClass }>(),
  'GET /api/referral-agenda': route<ReferralAgendaItemView[]>(),
  'GET /api/governance/digest': route<GovernanceDigest, never, { date?: string }>(),

  // 消息投递 (admins)
  'GET /api/admin/outbox/dead': route<OutboxDeadLetterView[]>(),
  'POST /api/admin/outbox/:id/retry': route<OutboxRetryResult>(),

  // 调解室 (the chat itself goes over the socket: docs/realtime.md)
  'GET /api/mediation/mediators': route<MediatorView[], never, { caseId: number }>(),
  'POST /api/mediation/rooms': route<RoomDetail, OpenRoomRequest>(),
  'POST /api/mediation/requests': route<void, { caseId: number }>(),
  'GET /api/mediation/rooms/mine': route<Page<RoomSummary>, never, PageQuery>(),
  'GET /api/mediation/rooms': route<RoomSummary[], never, { caseId: number }>(),
  'GET /api/mediation/rooms/:id': route<RoomDetail>(),
  'GET /api/mediation/rooms/:id/messages': route<MessagePage, never, { beforeSeq?: number; limit: number }>(),
  'POST /api/mediation/rooms/:id/read': route<unknown, { seq: number }>(),
  'POST /api/mediation/rooms/:id/caucus': route<RoomDetail, { memberId: number }>(),
  'POST /api/mediation/rooms/:id/invitations': route<RoomInvitationView, { memberId: number }>(),
  'POST /api/mediation/invitations/join': route<RoomDetail, { token: string }>(),
  'POST /api/mediation/rooms/:id/agreement': route<RoomDetail, DraftAgreementRequest>(),
  'POST /api/mediation/rooms/:id/agreement/confirm': route<RoomDetail, { agreementId: number }>(),
  'GET /api/mediation/rooms/:id/offline-slots': route<OfflineSlotView[]>(),
  'POST /api/mediation/rooms/:id/transfer': route<RoomDetail, { slotId: number }>(),
  'POST /api/mediation/rooms/:id/offline-outcome': route<RoomDetail, OfflineOutcomeRequest>(),
  'POST /api/mediation/rooms/:id/close': route<RoomDetail, CloseRoomRequest>(),
  'GET /api/mediation/offline-rooms': route<OfflineRoomView[]>(),
  'POST /api/mediation/offline-rooms': route<OfflineRoomView, CreateOfflineRoomRequest>(),
  'POST /api/mediation/offline-rooms/:id/retire': route<OfflineRoomView>(),
  'POST /api/mediation/offline-rooms/:id/slots': route<OfflineSlotView, CreateSlotRequest>(),
  'DELETE /api/mediation/offline-slots/:id': route<void>(),

  // 消息
  'GET /api/notifications': route<Page<NotificationView>, never, PageQuery>(),
  'GET /api/notifications/unread-count': route<{ count: number }>(),
  'POST /api/notifications/:id/read': route<unknown>(),
};

export type HttpApi = typeof HTTP_API;
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
  & ([HttpApi[R]['body']] extends [never] ? { body?: never } : { body: HttpApi[R]['body'] })
  & ([HttpApi[R]['query']] extends [never] ? { query?: never } : { query?: HttpApi[R]['query'] });

/** `/api/cases/:id` with `{ id: 7 }` → `/api/cases/7` (each value URL-encoded). */
export function httpPath(route: HttpRoute, params: Record<string, string | number> = {}): string {
  const path = route.slice(route.indexOf(' ') + 1);
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
