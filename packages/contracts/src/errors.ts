import { URGE_INTERVAL_MINUTES } from './supervision';

/**
 * Coded errors shared by server and client. The server answers `{ code, message, errorId? }`;
 * `message` is Chinese, meant to be shown to a person.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  /** A request body over the service's limit (100 KB of JSON), before anything reads it. */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthenticated = 'UNAUTHENTICATED',
  TokenExpired = 'TOKEN_EXPIRED',
  TokenInvalid = 'TOKEN_INVALID',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RateLimited = 'RATE_LIMITED',
  WechatCodeInvalid = 'WECHAT_CODE_INVALID',
  WechatUserBlocked = 'WECHAT_USER_BLOCKED',
  WechatUnavailable = 'WECHAT_UNAVAILABLE',
  DemoDisabled = 'DEMO_DISABLED',
  DemoUserNotFound = 'DEMO_USER_NOT_FOUND',
  InviteInvalid = 'INVITE_INVALID',
  InviteExpired = 'INVITE_EXPIRED',
  InviteUsed = 'INVITE_USED',
  /** A staff invitation its inviter revoked (撤销) before it was used. */
  InviteRevoked = 'INVITE_REVOKED',
  InviteRoleNotAllowed = 'INVITE_ROLE_NOT_ALLOWED',
  AlreadyMember = 'ALREADY_MEMBER',
  AlreadyStaff = 'ALREADY_STAFF',
  MembershipNotPending = 'MEMBERSHIP_NOT_PENDING',
  OfficerNotInStation = 'OFFICER_NOT_IN_STATION',
  NotAResident = 'NOT_A_RESIDENT',
  CaseTransitionNotAllowed = 'CASE_TRANSITION_NOT_ALLOWED',
  IdempotencyKeyRequired = 'IDEMPOTENCY_KEY_REQUIRED',
  IdempotencyKeyConflict = 'IDEMPOTENCY_KEY_CONFLICT',
  ReasonRequired = 'REASON_REQUIRED',
  ReopenWindowPassed = 'REOPEN_WINDOW_PASSED',
  NoCommunity = 'NO_COMMUNITY',
  UploadTypeNotAllowed = 'UPLOAD_TYPE_NOT_ALLOWED',
  UploadTooLarge = 'UPLOAD_TOO_LARGE',
  UploadNotFound = 'UPLOAD_NOT_FOUND',
  SubcategoryInvalid = 'SUBCATEGORY_INVALID',
  SealNotAllowed = 'SEAL_NOT_ALLOWED',
  NotSealed = 'NOT_SEALED',
  AlreadyRated = 'ALREADY_RATED',
  ReferralTargetInvalid = 'REFERRAL_TARGET_INVALID',
  ReferralContactInvalid = 'REFERRAL_CONTACT_INVALID',
  ReferralDueInvalid = 'REFERRAL_DUE_INVALID',
  ReferralNotSigned = 'REFERRAL_NOT_SIGNED',
  ReferralAlreadyHandled = 'REFERRAL_ALREADY_HANDLED',
  EvidenceRequired = 'EVIDENCE_REQUIRED',
  SignatureInvalid = 'SIGNATURE_INVALID',
  MatterNotFound = 'MATTER_NOT_FOUND',
  NotADispute = 'NOT_A_DISPUTE',
  RoomAlreadyOpen = 'ROOM_ALREADY_OPEN',
  MediationAlreadyRequested = 'MEDIATION_ALREADY_REQUESTED',
  RoomReadOnly = 'ROOM_READ_ONLY',
  MessageTooLong = 'MESSAGE_TOO_LONG',
  MessageRejected = 'MESSAGE_REJECTED',
  RecallWindowPassed = 'RECALL_WINDOW_PASSED',
  AgreementOutdated = 'AGREEMENT_OUTDATED',
  SlotTaken = 'SLOT_TAKEN',
  SlotBooked = 'SLOT_BOOKED',
  OfflineRoomRetired = 'OFFLINE_ROOM_RETIRED',
  NotStationStaff = 'NOT_STATION_STAFF',
  NotResponsibleOfficer = 'NOT_RESPONSIBLE_OFFICER',
  NotInRoom = 'NOT_IN_ROOM',
  HotlineTargetFixed = 'HOTLINE_TARGET_FIXED',
  ReferralTargetExists = 'REFERRAL_TARGET_EXISTS',
  /** 催办 of a case again within URGE_INTERVAL_MINUTES of the last one (by anyone). */
  UrgeTooFrequent = 'URGE_TOO_FREQUENT',
  /** A group's pushes of the China-time day are used up (BULLETIN_DAILY_QUOTA); the message names the group and its next slot. */
  PushQuotaExceeded = 'PUSH_QUOTA_EXCEEDED',
  /** Only an approved bulletin that is not withdrawn may be pushed. */
  BulletinNotPushable = 'BULLETIN_NOT_PUSHABLE',
  /** Every group asked already has this bulletin. */
  BulletinAlreadyPushed = 'BULLETIN_ALREADY_PUSHED',
  /** Under review or withdrawn: no edit. */
  BulletinNotEditable = 'BULLETIN_NOT_EDITABLE',
  /** Submitting or deciding a bulletin in another state. */
  BulletinStateInvalid = 'BULLETIN_STATE_INVALID',
  /** The caller's role does not write this kind. */
  BulletinKindNotAllowed = 'BULLETIN_KIND_NOT_ALLOWED',
  /** A rumour report linked to another 辟谣 (not withdrawn) already. */
  RumourAlreadyLinked = 'RUMOUR_ALREADY_LINKED',
  /** A scheduled push time in the past (or too far ahead). */
  PushTimeInvalid = 'PUSH_TIME_INVALID',
  /** Share info that does not open with the caller's session_key: sign in again (wx.login), then retry. */
  WechatSessionStale = 'WECHAT_SESSION_STALE',
  /** Share info that is not this mini program's, or malformed. */
  ShareInfoInvalid = 'SHARE_INFO_INVALID',
  /** The group already has a WeChat group bound, or the WeChat group is bound already. */
  WechatGroupAlreadyBound = 'WECHAT_GROUP_ALREADY_BOUND',
  /** Figures (#22): a period whose end is before its start. */
  PeriodReversed = 'PERIOD_REVERSED',
  /** Figures: a period that starts after today (China time). */
  PeriodInFuture = 'PERIOD_IN_FUTURE',
  /** Figures and their export: a period longer than MAX_FIGURE_PERIOD_DAYS. */
  PeriodTooLong = 'PERIOD_TOO_LONG',
  /** A prevention action dated in the future or more than PREVENTION_BACKDATE_HOURS back. */
  PreventionTimeInvalid = 'PREVENTION_TIME_INVALID',
  /** A prevention action recorded on a case that is not a 安全隐患. */
  NotAHazard = 'NOT_A_HAZARD',
  /** 会商调度: a review of a period that has not begun yet. */
  ReviewNotDue = 'REVIEW_NOT_DUE',
  /** 会商调度: the period's review is already recorded. */
  ReviewAlreadyRecorded = 'REVIEW_ALREADY_RECORDED',
  /** 会商调度: a decision without its owner or deadline, or an owner outside the jurisdiction. */
  DecisionIncomplete = 'DECISION_INCOMPLETE',
  /** 重大问题: the station has no linked (挂点) city leader. */
  NoLinkedLeader = 'NO_LINKED_LEADER',
  /** 一事一奖: the deed already has a reward (proposed or approved). */
  RewardDeedTaken = 'REWARD_DEED_TAKEN',
  /** The deed cannot be rewarded: a sealed or anonymous report, a bulletin that is not an approved 正气, a resident not of the jurisdiction. */
  RewardDeedInvalid = 'REWARD_DEED_INVALID',
  /** The reward was decided already. */
  RewardDecided = 'REWARD_DECIDED',
  /** Naming consent asked of a reward with no 正气 bulletin, or not approved. */
  NamingNotOffered = 'NAMING_NOT_OFFERED',
  /** 成绩突出社区民警 for a month not yet over, or more than a year back. */
  HonourMonthInvalid = 'HONOUR_MONTH_INVALID',
  /** The officer was already named for that month. */
  HonourExists = 'HONOUR_EXISTS',
  /** The database or Redis cannot be reached: nothing was changed; retry after the `Retry-After` seconds. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL',
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: '提交的内容不符合要求',
  [ErrorCode.PayloadTooLarge]: '提交的内容太多，请精简后再提交',
  [ErrorCode.Unauthenticated]: '请先登录',
  [ErrorCode.TokenExpired]: '登录已过期，请重新登录',
  [ErrorCode.TokenInvalid]: '登录凭证无效，请重新登录',
  [ErrorCode.RefreshTokenInvalid]: '登录状态已失效，请重新登录',
  [ErrorCode.RefreshTokenReused]: '登录凭证已被使用，为安全起见已退出所有设备，请重新登录',
  [ErrorCode.Forbidden]: '您没有权限进行此操作',
  [ErrorCode.NotFound]: '未找到该记录',
  [ErrorCode.RateLimited]: '操作太频繁，请稍后再试',
  [ErrorCode.WechatCodeInvalid]: '微信登录凭证无效或已过期，请重试',
  [ErrorCode.WechatUserBlocked]: '微信账号存在风险，暂时无法登录',
  [ErrorCode.WechatUnavailable]: '微信服务暂时不可用，请稍后再试',
  [ErrorCode.DemoDisabled]: '演示登录未开启',
  [ErrorCode.DemoUserNotFound]: '没有这个演示账号',
  [ErrorCode.InviteInvalid]: '邀请码无效，请核对后重新输入',
  [ErrorCode.InviteExpired]: '邀请码已过期，请联系社区民警重新获取',
  [ErrorCode.InviteUsed]: '该邀请已被使用',
  [ErrorCode.InviteRevoked]: '该邀请已被撤销，请联系邀请人重新邀请',
  [ErrorCode.InviteRoleNotAllowed]: '您无权邀请该角色',
  [ErrorCode.AlreadyMember]: '您已是该社区的成员',
  [ErrorCode.AlreadyStaff]: '该微信账号已登记为工作人员',
  [ErrorCode.MembershipNotPending]: '该申请已处理',
  [ErrorCode.OfficerNotInStation]: '接手民警不在该辖区',
  [ErrorCode.NotAResident]: '只有居民可以加入社区',
  [ErrorCode.CaseTransitionNotAllowed]: '当前状态下不能进行此操作，请刷新后重试',
  [ErrorCode.IdempotencyKeyRequired]: '缺少请求标识，请更新小程序后重试',
  [ErrorCode.IdempotencyKeyConflict]: '该上报已提交过，内容不一致，请勿重复提交',
  [ErrorCode.ReasonRequired]: '请填写原因',
  [ErrorCode.ReopenWindowPassed]: '已超过可重新打开的期限（办结后7天内）',
  [ErrorCode.NoCommunity]: '请先加入您所在的社区',
  [ErrorCode.UploadTypeNotAllowed]: '只能上传 JPG、PNG 或 WebP 图片',
  [ErrorCode.UploadTooLarge]: '图片太大，请选择5MB以内的图片',
  [ErrorCode.UploadNotFound]: '图片不存在或已过期，请重新上传',
  [ErrorCode.SubcategoryInvalid]: '请选择正确的类别',
  [ErrorCode.SealNotAllowed]: '只有信息员上报线索时可以使用保密模式',
  [ErrorCode.NotSealed]: '该上报人身份未保密',
  [ErrorCode.AlreadyRated]: '您已评价过',
  [ErrorCode.ReferralTargetInvalid]: '请选择正确的转办对象',
  [ErrorCode.ReferralContactInvalid]: '联系人须为本所民警',
  [ErrorCode.ReferralDueInvalid]: '签收和回复期限须晚于现在，且回复期限不早于签收期限',
  [ErrorCode.ReferralNotSigned]: '请先签收再回复',
  [ErrorCode.ReferralAlreadyHandled]: '该转办已处理，请刷新后查看',
  [ErrorCode.EvidenceRequired]: '请填写回复凭证（如回复函、通话记录）',
  [ErrorCode.SignatureInvalid]: '签名校验失败',
  [ErrorCode.MatterNotFound]: '没有找到这个办事事项',
  [ErrorCode.NotADispute]: '只有矛盾纠纷可以开启调解',
  [ErrorCode.RoomAlreadyOpen]: '该纠纷已有进行中的调解室',
  [ErrorCode.MediationAlreadyRequested]: '您已申请调解，请等待民警安排',
  [ErrorCode.RoomReadOnly]: '调解已结束，调解室只能查看',
  [ErrorCode.MessageTooLong]: '消息太长，请分几条发送（每条最多500字）',
  [ErrorCode.MessageRejected]: '消息含有不适宜的内容，未发送',
  [ErrorCode.RecallWindowPassed]: '发出超过2分钟的消息不能撤回',
  [ErrorCode.AgreementOutdated]: '调解协议已更新，请查看最新内容后再确认',
  [ErrorCode.SlotTaken]: '该时段已被预约，请选择其他时段',
  [ErrorCode.SlotBooked]: '该时段已有预约，不能取消；请与当事人另约时间',
  [ErrorCode.OfflineRoomRetired]: '该联调室已停用',
  [ErrorCode.NotStationStaff]: '只有派出所的民警可以管理本所的联调室',
  [ErrorCode.NotResponsibleOfficer]: '只有本社区的责任民警可以查看居民的完整号码',
  [ErrorCode.NotInRoom]: '请先进入调解室',
  [ErrorCode.HotlineTargetFixed]: '12345热线是固定的转办对象，不能新增、修改或停用',
  [ErrorCode.ReferralTargetExists]: '已有同名的转办对象',
  [ErrorCode.UrgeTooFrequent]: `该上报${URGE_INTERVAL_MINUTES}分钟内已催办过，请稍后再催办`,
  [ErrorCode.PushQuotaExceeded]: '该群今天的推送次数已用完',
  [ErrorCode.BulletinNotPushable]: '只有审核通过且未撤回的公告可以推送',
  [ErrorCode.BulletinAlreadyPushed]: '该公告已推送到所选的群',
  [ErrorCode.BulletinNotEditable]: '审核中或已撤回的公告不能修改',
  [ErrorCode.BulletinStateInvalid]: '公告状态已变化，请刷新后重试',
  [ErrorCode.BulletinKindNotAllowed]: '您不能撰写这一类公告',
  [ErrorCode.RumourAlreadyLinked]: '该传言已关联到另一条辟谣',
  [ErrorCode.PushTimeInvalid]: '定时推送的时间须晚于现在，且在30天以内',
  [ErrorCode.WechatSessionStale]: '登录信息已过期，请重新登录后再打开',
  [ErrorCode.ShareInfoInvalid]: '群分享信息无效',
  [ErrorCode.WechatGroupAlreadyBound]: '该群已绑定微信群',
  [ErrorCode.PeriodReversed]: '结束日期不能早于开始日期',
  [ErrorCode.PeriodInFuture]: '统计时段不能在今天之后',
  [ErrorCode.PeriodTooLong]: '统计时段最长一年，请缩短后再查',
  [ErrorCode.PreventionTimeInvalid]: '防范工作的时间不能晚于现在，也不能早于48小时前',
  [ErrorCode.NotAHazard]: '只有安全隐患可以登记防范工作',
  [ErrorCode.ReviewNotDue]: '该时段的会商还未到期，不能提前记录',
  [ErrorCode.ReviewAlreadyRecorded]: '该时段的会商已记录',
  [ErrorCode.DecisionIncomplete]: '每项决定都须指定本辖区的责任人和完成期限',
  [ErrorCode.NoLinkedLeader]: '本所尚无挂点市局领导，请联系市局',
  [ErrorCode.RewardDeedTaken]: '这件事已经发起过奖励，一事一奖，不能重复发起',
  [ErrorCode.RewardDeedInvalid]: '这件事不能发起奖励',
  [ErrorCode.RewardDecided]: '该奖励已审批，请刷新后查看',
  [ErrorCode.NamingNotOffered]: '这项奖励没有需要您确认具名的正气公告',
  [ErrorCode.HonourMonthInvalid]: '只能评选已结束的月份（一年以内）',
  [ErrorCode.HonourExists]: '该民警已被评为本月成绩突出社区民警',
  [ErrorCode.ServiceUnavailable]: '服务暂时不可用，本次操作未生效，请稍后再试',
  [ErrorCode.Internal]: '系统繁忙，请稍后再试',
};

/** The error body every failed API call returns. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Present on unexpected errors: quote it to support; it is in the server log. */
  errorId?: string;
  /** Field-level problems for VALIDATION_FAILED. */
  details?: string[];
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string'
  );
}
