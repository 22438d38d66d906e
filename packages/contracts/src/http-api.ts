import type {
  AssistRequest, CaseActionRequest, CaseDetail, CaseInfoRequest, CaseNoteRequest, CaseStatus, CaseKind, CaseSummary, CloseRoomRequest,
  CommunityInviteView, CommunityView, CreateCaseRequest, CreateOfflineRoomRequest, CreateReferralRequest, CreateReferralTargetRequest,
  CreateSlotRequest, DemoUser, DevLoginRequest, DraftAgreementRequest, GovernanceClass, GovernanceClassView, GovernanceDigest,
  JoinByCodeRequest, LoginResponse, MediatorView, MemberPage, MemberPhoneView, MemberType, MemberView, MembershipStatus, MembershipView,
  MessagePage, NotificationView, OfflineOutcomeRequest, OfflineRoomView, OfflineSlotView, OpenRoomRequest, OutboxDeadLetterView,
  OutboxRetryResult, Page, RateCaseRequest, ReferralAgendaItemView, ReferralReplyRequest, ReferralStatus, ReferralStepView,
  ReferralTargetAdminPage, ReferralTargetAdminView, ReferralTargetView, ReferralView, RefreshRequest, RefuseMembershipRequest, RoomDetail,
  RoomInvitationView, RoomSummary, ServiceGuideSearchResult, ServiceMatterUpdate, ServiceMatterVersion, ServiceMatterView, SupervisedCase,
  UnsealLogEntry, UnsealView, ReporterPhoneView, UpdateReferralTargetRequest, UploadView, UrgeCaseRequest, UserView, WechatLoginRequest, WorkbenchCommunity,
  StationContact, WorkbenchAlerts, WorkbenchUnit, CommunityHandoverView, HandoverRequest, StaffInvitationRequest, StaffInvitationView, StaffInvitationItem,
  ClaimStaffInvitationRequest, InformantRequest, OrgUnitView, AuditEntryView, AuditQuery, AgreementDocumentView,
  BulletinDetail, BulletinFeedItem, BulletinSubscriptionRequest, BulletinSubscriptionView, BulletinKind, BulletinStatus, BulletinSummary, CreateBulletinRequest, PushBulletinRequest,
  PushBulletinResponse, PushGroupView, ReviewBulletinRequest, BulletinFigures, PushFigures, UpdateBulletinRequest, UsefulResponse, WithdrawBulletinRequest,
  CreateRumourReportRequest, LinkRumoursRequest, RumourGroup, RumourReportDetail, RumourReportView, RumourStatus,
  BulletinShareResponse, BulletinOpenRequest, BulletinOpenResponse, WechatGroupView, WechatGroupStatus, BindWechatGroupRequest,
  InspectionCaseView, InspectionItem, InquiryView, OpenInquiryRequest,
  CreatePreventionActionRequest, FigureRecord, FigureRecordsQuery, FiguresQuery, FiguresView, FigureTrend, FigureTrendQuery, PreventionActionView,
  CompleteFollowUpRequest, FollowUpStatus, FollowUpView, MajorIssueFeedbackRequest, MajorIssueView, RaiseMajorIssueRequest, RecordReviewRequest, ReviewPacket,
  ReviewSchedule, ReviewView,
  DecideRewardRequest, NameOfficerRequest, NamingConsentRequest, OfficerHonourView, OfficerRanking, OfficerRankingQuery, ProposeRewardRequest, RewardStatus, RewardView,
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

/**
 * A route answering `Response`, taking a JSON `Body` and a `Query` string (never: none). Entries are
 * written `{} as Route<…>`: a plain literal, so a bundle that uses only the types drops the table.
 */
type Route<Response, Body = never, Query = never> = RouteShape<Response, Body, Query>;

/**
 * The HTTP API as its clients call it: each route (`METHOD /path`, path parameters as `:name`) with
 * the JSON body it takes, its query string and the one shape it answers. The mini program's calls
 * (apps/miniprogram/src/api/index.ts) take their types from this table only, so a path cannot drift
 * from the type it answers, and a list is either an array or a `Page<T>`, never "either". The service's
 * own test (apps/server/test/http-api.service-spec.ts) checks every route here is one it serves.
 */
export const HTTP_API = {
  // identity
  'GET /api/auth/demo-users': {} as Route<DemoUser[]>,
  'POST /api/auth/dev-login': {} as Route<LoginResponse, DevLoginRequest>,
  'POST /api/auth/wechat': {} as Route<LoginResponse, WechatLoginRequest>,
  'POST /api/auth/refresh': {} as Route<LoginResponse, RefreshRequest>,
  /** Revokes the refresh token (and its family). */
  'POST /api/auth/logout': {} as Route<void, RefreshRequest>,
  'GET /api/me': {} as Route<UserView>,
  'GET /api/me/memberships': {} as Route<MembershipView[]>,
  /** 人员邀请: create (the token is shown once), the list in the caller's jurisdiction, 撤销, and 领取 by the invitee. */
  'POST /api/staff-invitations': {} as Route<StaffInvitationView, StaffInvitationRequest>,
  'GET /api/staff-invitations': {} as Route<Page<StaffInvitationItem>, never, PageQuery>,
  'POST /api/staff-invitations/:id/revoke': {} as Route<StaffInvitationItem>,
  'POST /api/staff-invitations/claim': {} as Route<LoginResponse, ClaimStaffInvitationRequest>,
  /** The jurisdiction tree within the caller's scope (the invitation form's units). */
  'GET /api/org/tree': {} as Route<OrgUnitView[]>,
  /** 审计日志 (admins and city leaders), newest first. */
  'GET /api/audit': {} as Route<Page<AuditEntryView>, never, AuditQuery>,
  /** 设为/取消信息员: a resident of one of the officer's communities. */
  'POST /api/users/:id/informant': {} as Route<MemberView, InformantRequest>,

  // communities: joining, 工作台, members, invites
  'POST /api/communities/join-by-code': {} as Route<MembershipView, JoinByCodeRequest>,
  'GET /api/communities/directory': {} as Route<Page<CommunityView>, never, NameQuery>,
  /** Without `note`, asking again keeps the previous 申请说明. */
  'POST /api/communities/:id/join-requests': {} as Route<MembershipView, { memberType: MemberType; note?: string }>,
  'GET /api/workbench/communities': {} as Route<Page<WorkbenchCommunity>, never, NameQuery & { under?: number }>,
  /** Leaders' drill-down: the branches or stations under `parentId` (default: the caller's unit). */
  'GET /api/workbench/units': {} as Route<WorkbenchUnit[], never, { parentId?: number }>,
  /** What waits for the caller: the counts on the 工作台 entries and its tab badge. */
  'GET /api/workbench/alerts': {} as Route<WorkbenchAlerts>,
  /** The caller's own 派出所 with its address and phone (办事指引). */
  'GET /api/me/station': {} as Route<{ station: StationContact | null }>,
  'GET /api/workbench/communities/:id': {} as Route<WorkbenchCommunity>,
  'GET /api/communities/:id/members': {} as Route<MemberPage, never, { status: MembershipStatus; page: number; pageSize: number }>,
  'POST /api/communities/:id/members/:membershipId/phone': {} as Route<MemberPhoneView>,
  'POST /api/memberships/:id/approve': {} as Route<MemberView>,
  'POST /api/memberships/:id/refuse': {} as Route<MemberView, RefuseMembershipRequest>,
  'POST /api/communities/:id/invites': {} as Route<CommunityInviteView>,
  'GET /api/communities/:id/invites': {} as Route<CommunityInviteView[]>,
  'POST /api/communities/:id/invites/:code/revoke': {} as Route<CommunityInviteView[]>,
  /** 民警交接 (leaders): the community, its members and its officer card pass to another officer of its station. */
  'POST /api/communities/:id/handover': {} as Route<WorkbenchCommunity, HandoverRequest>,
  /** The community's past officers, newest handover first. */
  'GET /api/communities/:id/handovers': {} as Route<CommunityHandoverView[]>,
  /** The handover picker: community officers of a station in the leader's jurisdiction. */
  'GET /api/org/stations/:id/officers': {} as Route<{ id: number; name: string }[]>,

  // reports (上报) and their handling; `POST /api/uploads` is multipart (field `file`)
  'POST /api/uploads': {} as Route<UploadView>,
  'POST /api/cases': {} as Route<CaseDetail, CreateCaseRequest>,
  'GET /api/cases/mine': {} as Route<Page<CaseSummary>, never, PageQuery>,
  'GET /api/cases': {} as Route<
    Page<CaseSummary>,
    never,
    { status?: CaseStatus | 'all'; q?: string; kind?: CaseKind; communityId?: number; overdue?: 'true'; page?: number; pageSize?: number }
  >,
  'GET /api/cases/:id': {} as Route<CaseDetail>,
  'POST /api/cases/:id/actions': {} as Route<CaseDetail, CaseActionRequest>,
  'POST /api/cases/:id/notes': {} as Route<CaseDetail, CaseNoteRequest>,
  'POST /api/cases/:id/info': {} as Route<CaseDetail, CaseInfoRequest>,
  'POST /api/cases/:id/rating': {} as Route<CaseDetail, RateCaseRequest>,
  'POST /api/cases/:id/serious-risk': {} as Route<CaseDetail, { note: string }>,
  'POST /api/cases/:id/review-cleared': {} as Route<CaseDetail>,
  'POST /api/cases/:id/unseal': {} as Route<UnsealView, { reason: string }>,
  'POST /api/cases/:id/reporter-phone': {} as Route<ReporterPhoneView>,
  'POST /api/cases/:id/urge': {} as Route<CaseDetail, UrgeCaseRequest>,
  'GET /api/cases/unseal-log': {} as Route<Page<UnsealLogEntry>, never, PageQuery>,
  'GET /api/supervision/cases': {} as Route<Page<SupervisedCase>, never, PageQuery>,
  /** 责任追究 (inspectors): overdue and escalated open cases of the jurisdiction, each with its response-time trail. */
  'GET /api/inspection/cases': {} as Route<Page<InspectionItem>, never, PageQuery>,
  /** One case's trail and its 核查 (inspectors). */
  'GET /api/inspection/cases/:id': {} as Route<InspectionCaseView>,
  /** The 核查 of the inspector's jurisdiction, newest first. */
  'GET /api/inspection/inquiries': {} as Route<Page<InquiryView>, never, PageQuery>,
  /** 核查: an inspector's findings and outcome on a case; the officer and the station leader are told. */
  'POST /api/cases/:id/inquiries': {} as Route<InquiryView, OpenInquiryRequest>,
  /** The 核查 of a case: its inspectors, its officer and the leaders over it. */
  'GET /api/cases/:id/inquiries': {} as Route<InquiryView[]>,

  // 数据 (#22, docs/figures.md)
  'GET /api/figures': {} as Route<FiguresView, never, FiguresQuery>,
  /** The workbook (.xlsx bytes): the app downloads it as a file (api.openFiguresWorkbook), never through `call`. */
  'GET /api/figures.xlsx': {} as Route<ArrayBuffer, never, FiguresQuery>,
  'GET /api/figures/records': {} as Route<Page<FigureRecord>, never, FigureRecordsQuery>,
  /** 趋势: the last `count` weeks, 旬 or months (the current one last), for the charts. */
  'GET /api/figures/trend': {} as Route<FigureTrend, never, FigureTrendQuery>,
  'POST /api/prevention-actions': {} as Route<PreventionActionView, CreatePreventionActionRequest>,
  'GET /api/prevention-actions': {} as Route<Page<PreventionActionView>, never, PageQuery & { orgId?: number }>,

  // 会商调度 (#22, docs/reviews.md)
  'GET /api/reviews': {} as Route<ReviewSchedule, never, { orgId?: number }>,
  'GET /api/reviews/packet': {} as Route<ReviewPacket, never, { orgId?: number; from: string }>,
  /** The packet's workbook (.xlsx bytes), downloaded as a file like the figures'. */
  'GET /api/reviews/packet.xlsx': {} as Route<ArrayBuffer, never, { orgId?: number; from: string }>,
  'POST /api/reviews': {} as Route<ReviewView, RecordReviewRequest>,
  'GET /api/reviews/:id': {} as Route<ReviewView>,
  'GET /api/follow-ups/mine': {} as Route<FollowUpView[]>,
  'POST /api/follow-ups/:id/done': {} as Route<FollowUpView, CompleteFollowUpRequest>,
  'GET /api/supervision/follow-ups': {} as Route<FollowUpView[], never, { status?: FollowUpStatus }>,
  'GET /api/major-issues': {} as Route<MajorIssueView[]>,
  'POST /api/major-issues': {} as Route<MajorIssueView, RaiseMajorIssueRequest>,
  'POST /api/major-issues/:id/feedback': {} as Route<MajorIssueView, MajorIssueFeedbackRequest>,

  // 办事指引
  'GET /api/service-guide': {} as Route<ServiceGuideSearchResult, never, { q?: string }>,
  'GET /api/service-guide/:code': {} as Route<ServiceMatterView>,
  'GET /api/admin/service-guide': {} as Route<ServiceMatterView[]>,
  'GET /api/service-guide/:code/versions': {} as Route<ServiceMatterVersion[]>,
  'PUT /api/service-guide/:code': {} as Route<ServiceMatterView, ServiceMatterUpdate>,
  'POST /api/service-guide/:code/assist': {} as Route<CaseDetail, AssistRequest>,

  // 转办
  'GET /api/referral-targets': {} as Route<ReferralTargetView[]>,
  'GET /api/referral-targets/manage': {} as Route<ReferralTargetAdminPage>,
  'POST /api/referral-targets': {} as Route<ReferralTargetView, CreateReferralTargetRequest>,
  'PUT /api/referral-targets/:id': {} as Route<ReferralTargetAdminView, UpdateReferralTargetRequest>,
  'POST /api/referral-targets/:id/retire': {} as Route<ReferralTargetAdminView>,
  'POST /api/referral-targets/:id/restore': {} as Route<ReferralTargetAdminView>,
  'POST /api/cases/:id/referrals': {} as Route<ReferralView, CreateReferralRequest>,
  'GET /api/cases/:id/referral-steps': {} as Route<ReferralStepView[]>,
  'GET /api/referrals': {} as Route<ReferralView[], never, { status?: ReferralStatus }>,
  'GET /api/referrals/:id': {} as Route<ReferralView>,
  'POST /api/referrals/:id/sign': {} as Route<ReferralView>,
  'POST /api/referrals/:id/reply': {} as Route<ReferralView, ReferralReplyRequest>,
  'GET /api/cases/:id/governance-class': {} as Route<GovernanceClassView>,
  'PUT /api/cases/:id/governance-class': {} as Route<GovernanceClassView, { governanceClass: GovernanceClass }>,
  'GET /api/referral-agenda': {} as Route<ReferralAgendaItemView[]>,
  'GET /api/governance/digest': {} as Route<GovernanceDigest, never, { date?: string }>,

  // 消息投递 (admins)
  'GET /api/admin/outbox/dead': {} as Route<OutboxDeadLetterView[]>,
  'POST /api/admin/outbox/:id/retry': {} as Route<OutboxRetryResult>,

  // 调解室 (the chat itself goes over the socket: docs/realtime.md)
  'GET /api/mediation/mediators': {} as Route<MediatorView[], never, { caseId: number }>,
  'POST /api/mediation/rooms': {} as Route<RoomDetail, OpenRoomRequest>,
  'POST /api/mediation/requests': {} as Route<void, { caseId: number }>,
  'GET /api/mediation/rooms/mine': {} as Route<Page<RoomSummary>, never, PageQuery>,
  'GET /api/mediation/rooms': {} as Route<RoomSummary[], never, { caseId: number }>,
  'GET /api/mediation/rooms/:id': {} as Route<RoomDetail>,
  'GET /api/mediation/rooms/:id/messages': {} as Route<MessagePage, never, { beforeSeq?: number; limit: number }>,
  'POST /api/mediation/rooms/:id/read': {} as Route<unknown, { seq: number }>,
  'POST /api/mediation/rooms/:id/caucus': {} as Route<RoomDetail, { memberId: number }>,
  'POST /api/mediation/rooms/:id/invitations': {} as Route<RoomInvitationView, { memberId: number }>,
  'POST /api/mediation/invitations/join': {} as Route<RoomDetail, { token: string }>,
  'POST /api/mediation/rooms/:id/agreement': {} as Route<RoomDetail, DraftAgreementRequest>,
  'POST /api/mediation/rooms/:id/agreement/confirm': {} as Route<RoomDetail, { agreementId: number }>,
  /** 调解协议书: the agreement laid out as a formal document (print page). */
  'GET /api/mediation/rooms/:id/agreement/print': {} as Route<AgreementDocumentView>,
  'GET /api/mediation/rooms/:id/offline-slots': {} as Route<OfflineSlotView[]>,
  'POST /api/mediation/rooms/:id/transfer': {} as Route<RoomDetail, { slotId: number }>,
  'POST /api/mediation/rooms/:id/offline-outcome': {} as Route<RoomDetail, OfflineOutcomeRequest>,
  'POST /api/mediation/rooms/:id/close': {} as Route<RoomDetail, CloseRoomRequest>,
  'GET /api/mediation/offline-rooms': {} as Route<OfflineRoomView[]>,
  'POST /api/mediation/offline-rooms': {} as Route<OfflineRoomView, CreateOfflineRoomRequest>,
  'POST /api/mediation/offline-rooms/:id/retire': {} as Route<OfflineRoomView>,
  'POST /api/mediation/offline-rooms/:id/slots': {} as Route<OfflineSlotView, CreateSlotRequest>,
  'DELETE /api/mediation/offline-slots/:id': {} as Route<void>,

  // 公告 (docs/bulletins.md)
  /** The signed-in person's bulletins from their groups, newest first. */
  'GET /api/bulletins/feed': {} as Route<Page<BulletinFeedItem>, never, PageQuery & { kind?: BulletinKind }>,
  /** Staff lists: `status=approved` is what the caller may push, `pending_review` their review queue, `mine=true` their own. */
  'GET /api/bulletins': {} as Route<Page<BulletinSummary>, never, PageQuery & { status?: BulletinStatus; mine?: 'true' }>,
  'GET /api/bulletins/push-groups': {} as Route<PushGroupView[]>,
  'POST /api/bulletins': {} as Route<BulletinDetail, CreateBulletinRequest>,
  'GET /api/bulletins/:id': {} as Route<BulletinDetail>,
  'PUT /api/bulletins/:id': {} as Route<BulletinDetail, UpdateBulletinRequest>,
  'POST /api/bulletins/:id/submit': {} as Route<BulletinDetail>,
  'POST /api/bulletins/:id/review': {} as Route<BulletinDetail, ReviewBulletinRequest>,
  'POST /api/bulletins/:id/withdraw': {} as Route<BulletinDetail, WithdrawBulletinRequest>,
  'POST /api/bulletins/:id/pushes': {} as Route<PushBulletinResponse, PushBulletinRequest>,
  'POST /api/bulletins/:id/read': {} as Route<{ read: true }>,
  'POST /api/bulletins/:id/useful': {} as Route<UsefulResponse>,
  /** Staff: per group members reached, readers, read rate and 有用. */
  'GET /api/bulletins/:id/figures': {} as Route<BulletinFigures>,
  /** Police: pushes × groups in their jurisdiction by kind and by officer, China days `from`..`to` (default: the last 30). */
  'GET /api/bulletins/push-figures': {} as Route<PushFigures, never, { from?: string; to?: string }>,
  /** 取消定时推送: cancels a scheduled push (定时推送) before its time. */
  'DELETE /api/bulletins/:id/pushes/:groupId': {} as Route<{ cancelled: true }>,
  // 传言 and their 辟谣 (docs/bulletins.md "Rumours")
  'POST /api/rumours': {} as Route<RumourReportView, CreateRumourReportRequest>,
  'GET /api/rumours/mine': {} as Route<Page<RumourReportView>, never, PageQuery>,
  'GET /api/rumours/groups': {} as Route<RumourGroup[]>,
  'GET /api/rumours': {} as Route<Page<RumourReportView>, never, PageQuery & { status?: RumourStatus }>,
  'GET /api/rumours/:id': {} as Route<RumourReportDetail>,
  'PUT /api/bulletins/:id/rumours': {} as Route<RumourReportView[], LinkRumoursRequest>,
  'GET /api/bulletins/:id/rumours': {} as Route<RumourReportView[]>,
  /** 分享: records a share; the card's path carries the share id. */
  'POST /api/bulletins/:id/shares': {} as Route<BulletinShareResponse>,
  /** An open from a card in a WeChat group: getShareInfo's encrypted data, decrypted by the service to the group's openGId. */
  'POST /api/bulletins/:id/opens': {} as Route<BulletinOpenResponse, BulletinOpenRequest>,
  /** Police: the WeChat groups their cards were opened from, pending (to bind) or bound to their groups. */
  'GET /api/wechat-groups': {} as Route<WechatGroupView[], never, { status?: WechatGroupStatus }>,
  /** Police: binds a pending WeChat group to one of their groups. */
  'POST /api/wechat-groups/:id/binding': {} as Route<WechatGroupView, BindWechatGroupRequest>,
  /** The caller's 警务公告 subscribe messages (how many WeChat may still deliver) and the template to ask for. */
  'GET /api/bulletin-subscription': {} as Route<BulletinSubscriptionView>,
  /** wx.requestSubscribeMessage's answer for the 警务公告 template. */
  'POST /api/bulletin-subscription': {} as Route<BulletinSubscriptionView, BulletinSubscriptionRequest>,

  // 激励奖励 (docs/rewards.md)
  'POST /api/rewards': {} as Route<RewardView, ProposeRewardRequest>,
  'GET /api/rewards': {} as Route<Page<RewardView>, never, PageQuery & { status?: RewardStatus }>,
  'GET /api/rewards/mine': {} as Route<Page<RewardView>, never, PageQuery>,
  'GET /api/rewards/:id': {} as Route<RewardView>,
  'POST /api/rewards/:id/decision': {} as Route<RewardView, DecideRewardRequest>,
  'POST /api/rewards/:id/naming': {} as Route<RewardView, NamingConsentRequest>,
  'GET /api/officer-ranking': {} as Route<OfficerRanking, never, OfficerRankingQuery>,
  'POST /api/officer-honours': {} as Route<OfficerHonourView, NameOfficerRequest>,
  // 消息
  'GET /api/notifications': {} as Route<Page<NotificationView>, never, PageQuery>,
  'GET /api/notifications/unread-count': {} as Route<{ count: number }>,
  'POST /api/notifications/:id/read': {} as Route<unknown>,
  /** 全部已读. */
  'POST /api/notifications/read-all': {} as Route<{ count: number }>,
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
