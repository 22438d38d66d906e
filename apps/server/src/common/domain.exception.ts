import { ERROR_MESSAGES, ErrorCode } from '@jws/contracts';
import { HttpStatus } from '@nestjs/common';

/** HTTP status for each domain error code; exhaustive so a new code cannot be forgotten. */
export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.InviteInvalid:
    case ErrorCode.InviteExpired:
    case ErrorCode.InviteUsed:
    case ErrorCode.InviteRevoked:
    case ErrorCode.WechatCodeInvalid:
    case ErrorCode.OfficerNotInStation:
    case ErrorCode.IdempotencyKeyRequired:
    case ErrorCode.ReasonRequired:
    case ErrorCode.NoCommunity:
    case ErrorCode.UploadTypeNotAllowed:
    case ErrorCode.UploadNotFound:
    case ErrorCode.SubcategoryInvalid:
    case ErrorCode.SealNotAllowed:
    case ErrorCode.NotSealed:
    case ErrorCode.ReferralTargetInvalid:
    case ErrorCode.ReferralContactInvalid:
    case ErrorCode.ReferralDueInvalid:
    case ErrorCode.EvidenceRequired:
    case ErrorCode.NotADispute:
    case ErrorCode.MessageTooLong:
    case ErrorCode.MessageRejected:
    case ErrorCode.NotInRoom:
    case ErrorCode.PushTimeInvalid:
    case ErrorCode.PeriodReversed:
    case ErrorCode.PeriodInFuture:
    case ErrorCode.PeriodTooLong:
    case ErrorCode.PreventionTimeInvalid:
    case ErrorCode.NotAHazard:
    case ErrorCode.ReviewNotDue:
    case ErrorCode.DecisionIncomplete:
    case ErrorCode.WechatSessionStale:
    case ErrorCode.ShareInfoInvalid:
    case ErrorCode.RewardDeedInvalid:
    case ErrorCode.HonourMonthInvalid:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.UploadTooLarge:
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.Unauthenticated:
    case ErrorCode.TokenExpired:
    case ErrorCode.TokenInvalid:
    case ErrorCode.RefreshTokenInvalid:
    case ErrorCode.RefreshTokenReused:
    case ErrorCode.SignatureInvalid:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
    case ErrorCode.InviteRoleNotAllowed:
    case ErrorCode.WechatUserBlocked:
    case ErrorCode.DemoDisabled:
    case ErrorCode.NotAResident:
    case ErrorCode.NotStationStaff:
    case ErrorCode.NotResponsibleOfficer:
    case ErrorCode.BulletinKindNotAllowed:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound:
    case ErrorCode.DemoUserNotFound:
    case ErrorCode.MatterNotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.AlreadyMember:
    case ErrorCode.AlreadyStaff:
    case ErrorCode.MembershipNotPending:
    case ErrorCode.CaseTransitionNotAllowed:
    case ErrorCode.IdempotencyKeyConflict:
    case ErrorCode.ReopenWindowPassed:
    case ErrorCode.AlreadyRated:
    case ErrorCode.ReferralNotSigned:
    case ErrorCode.ReferralAlreadyHandled:
    case ErrorCode.RoomAlreadyOpen:
    case ErrorCode.MediationAlreadyRequested:
    case ErrorCode.RoomReadOnly:
    case ErrorCode.RecallWindowPassed:
    case ErrorCode.AgreementOutdated:
    case ErrorCode.SlotTaken:
    case ErrorCode.SlotBooked:
    case ErrorCode.OfflineRoomRetired:
    case ErrorCode.HotlineTargetFixed:
    case ErrorCode.ReferralTargetExists:
    case ErrorCode.BulletinNotPushable:
    case ErrorCode.BulletinAlreadyPushed:
    case ErrorCode.RumourAlreadyLinked:
    case ErrorCode.BulletinNotEditable:
    case ErrorCode.BulletinStateInvalid:
    case ErrorCode.ReviewAlreadyRecorded:
    case ErrorCode.NoLinkedLeader:
    case ErrorCode.WechatGroupAlreadyBound:
    case ErrorCode.RewardDeedTaken:
    case ErrorCode.RewardDecided:
    case ErrorCode.NamingNotOffered:
    case ErrorCode.HonourExists:
      return HttpStatus.CONFLICT;
    case ErrorCode.RateLimited:
    case ErrorCode.UrgeTooFrequent:
    case ErrorCode.PushQuotaExceeded:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.WechatUnavailable:
    case ErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`unhandled value: ${String(value)}`);
}

/**
 * A rule of the domain was not met. The filter turns it into `{ code, message, details }`. A
 * VALIDATION_FAILED raised by the domain states its reason for people in `details` (请选择原案件,
 * 履行期限应晚于现在…), and that reason is the message the app shows; request-shape errors from
 * class-validator (English, per field) pass the generic message explicitly (app.setup.ts).
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: string[],
    message?: string,
  ) {
    super(message ?? (code === ErrorCode.ValidationFailed && details?.length ? details.join('；') : ERROR_MESSAGES[code]));
  }
}
