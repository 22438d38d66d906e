/**
 * Mediation rooms (网上调解室 online, 警民联调室 offline): room states, members, message kinds,
 * agreements, and the frames of the realtime protocol at `/ws` (docs/realtime.md).
 */

/** Room status. `open` is the only state in which anything can be written. */
export enum RoomStatus {
  Open = 'open',
  Settled = 'settled', // 已达成协议
  TransferredOffline = 'transferred_offline', // 转线下调解
  ClosedUnsettled = 'closed_unsettled', // 调解未成
  Withdrawn = 'withdrawn', // 申请人撤回
}

export const ROOM_STATUS_LABELS: Record<RoomStatus, string> = {
  [RoomStatus.Open]: '调解中',
  [RoomStatus.Settled]: '已达成协议',
  [RoomStatus.TransferredOffline]: '已转线下调解',
  [RoomStatus.ClosedUnsettled]: '调解未成',
  [RoomStatus.Withdrawn]: '已撤回',
};

/**
 * What an agreement's state reads as, in the room and on its document: only an open room's
 * agreement still waits for confirmations; one left unconfirmed when the room ended was not concluded.
 */
export function agreementStatusLabel(confirmed: boolean, roomStatus: RoomStatus): string {
  if (confirmed) return '已达成协议';
  switch (roomStatus) {
    case RoomStatus.Open:
      return '待各方确认';
    case RoomStatus.TransferredOffline:
      return '未达成，已转线下调解';
    case RoomStatus.ClosedUnsettled:
      return '未达成，调解未成';
    case RoomStatus.Withdrawn:
      return '未达成，申请人已撤回';
    case RoomStatus.Settled:
      return '已达成协议';
  }
}

/** How a room may end by a person's decision (settling happens by confirmation of the agreement). */
export type RoomCloseOutcome = RoomStatus.ClosedUnsettled | RoomStatus.Withdrawn;

/** A member's part in the room. */
export enum RoomMemberRole {
  Applicant = 'applicant', // 申请人
  Respondent = 'respondent', // 被申请人
  Mediator = 'mediator', // 警民联调员
  Officer = 'officer', // 社区民警
  Cadre = 'cadre', // 社区干部
}

export const ROOM_MEMBER_ROLE_LABELS: Record<RoomMemberRole, string> = {
  [RoomMemberRole.Applicant]: '申请人',
  [RoomMemberRole.Respondent]: '被申请人',
  [RoomMemberRole.Mediator]: '调解员',
  [RoomMemberRole.Officer]: '民警',
  [RoomMemberRole.Cadre]: '社区干部',
};

/**
 * How an applicant who reported 对他人匿名 (Anonymity.Others) is named in the room — header, members,
 * messages, agreement — to everyone but the handling officer and themselves.
 */
export const ANONYMOUS_APPLICANT_NAME = '申请人（匿名）';

/** Parties: the members who must each confirm an agreement. */
export const PARTY_ROLES: readonly RoomMemberRole[] = [RoomMemberRole.Applicant, RoomMemberRole.Respondent];

export enum MessageKind {
  Text = 'text',
  Image = 'image',
  System = 'system',
}

/** What a system message reports. `recalled` carries the recalled message's seq in `refSeq`. */
export enum SystemEvent {
  Opened = 'opened',
  Joined = 'joined',
  Left = 'left',
  Recalled = 'recalled',
  AgreementProposed = 'agreement_proposed',
  AgreementConfirmed = 'agreement_confirmed',
  Settled = 'settled',
  Transferred = 'transferred',
  OfflineOutcome = 'offline_outcome',
  Closed = 'closed',
  CaucusOpened = 'caucus_opened',
}

/** Limits of the chat. */
export const MESSAGE_TEXT_MAX = 500;
/** A sender may recall a message within this many milliseconds (then it shows as 已撤回). */
export const RECALL_WINDOW_MS = 2 * 60_000;
/** Messages per user per minute on one instance (scaled by RATE_LIMIT_SCALE on the server). */
export const MESSAGE_RATE_PER_MINUTE = 30;
/** Burst a user may send at once before the per-minute rate applies. */
export const MESSAGE_BURST = 10;
/** Largest page of history over HTTP and largest resume batch in one `messages` frame. */
export const MESSAGE_PAGE_MAX = 100;

export interface RoomMemberView {
  id: number;
  role: RoomMemberRole;
  /** Nickname and role label, e.g. 调解员 孙大姐; '待加入' while an invitation is open. */
  displayName: string;
  /** False while the member has not accepted their invitation. */
  joined: boolean;
  isMe: boolean;
}

export interface MessageView {
  roomId: number;
  seq: number;
  kind: MessageKind;
  senderMemberId: number | null;
  senderName: string;
  /** Text, or for system messages the Chinese sentence shown; null once recalled. */
  text: string | null;
  /** Image messages: GET with the bearer token. */
  imageUrl: string | null;
  event: SystemEvent | null;
  /** `recalled` system messages: the message they recall. */
  refSeq: number | null;
  clientMsgId: string | null;
  recalled: boolean;
  createdAt: string;
}

export interface AgreementView {
  id: number;
  roomId: number;
  version: number;
  parties: string;
  facts: string;
  terms: string;
  /** 履行期限 (ISO). The officer is reminded then to check it was carried out. */
  performanceDueAt: string;
  /** Parties who must confirm, with their confirmation time (null = not yet). */
  confirmations: { memberId: number; displayName: string; confirmedAt: string | null }[];
  confirmed: boolean;
  createdAt: string;
  canConfirm: boolean;
}

/**
 * 调解协议书 as a formal document (GET /api/mediation/rooms/:id/agreement/print): the signed (or
 * current) agreement with the mediator, the station that mediated and the community of the matter.
 */
export interface AgreementDocumentView {
  roomId: number;
  caseNumber: string;
  title: string;
  agreement: AgreementView;
  /** 调解员 (display names of the room's mediators). */
  mediators: string[];
  /** 派出所 of the matter, with its address; null when the room's place has none. */
  station: { name: string; address: string | null; phone: string | null } | null;
  communityName: string | null;
}

export interface OfflineBookingView {
  slotId: number;
  offlineRoomName: string;
  address: string;
  startsAt: string;
  endsAt: string;
  outcome: 'settled' | 'unsettled' | null;
  outcomeNote: string | null;
}

export interface RoomSummary {
  id: number;
  caseId: number;
  caseNumber: string;
  title: string;
  status: RoomStatus;
  /** Set for a caucus (背靠背) channel: the main room it belongs to. */
  parentRoomId: number | null;
  lastSeq: number;
  myRole: RoomMemberRole | null;
  createdAt: string;
}

/** A caucus (背靠背) channel of a main room: the mediator and one party. */
export interface CaucusView { roomId: number; withMemberId: number; withName: string }

/** A caucus channel as the room's detail lists it for its member. */
export interface CaucusChannel extends CaucusView {
  /** What others wrote there since the caller last read the channel (texts and images, not recalled). */
  unread: number
}

export interface RoomDetail extends RoomSummary {
  members: RoomMemberView[];
  /** What others wrote in this channel since the caller last read it (0 for staff who are not members). */
  unread: number;
  /** Caucus channels the caller is in (the mediator sees all of theirs, a party only their own). */
  caucuses: CaucusChannel[];
  agreement: AgreementView | null;
  booking: OfflineBookingView | null;
  readOnly: boolean;
  canMediate: boolean;
  canManage: boolean;
}

export interface OpenRoomRequest {
  caseId: number;
  /** A respondent who is a user already, or a name for an invitation. */
  respondentUserId?: number;
  respondentName?: string;
  /** From GET /api/mediation/mediators?caseId= (the station's roster). */
  mediatorUserId: number;
  cadreUserId?: number;
}

export interface MediatorView { id: number; nickname: string }

export interface SendMessageRequest {
  clientMsgId: string;
  kind: MessageKind.Text | MessageKind.Image;
  text?: string;
  /** Image messages: id from POST /api/uploads. */
  uploadId?: string;
}

export interface MessagePage {
  items: MessageView[];
  /** Pass as beforeSeq for the next (older) page; null when there is none. */
  nextBeforeSeq: number | null;
}

export interface RoomInvitationView {
  token: string;
  memberId: number;
  expiresAt: string;
  /** Mini-program page the share card or code opens. */
  page: string;
}

export interface AcceptRoomInvitationRequest { token: string; code: string }
export interface JoinRoomInvitationRequest { token: string }

export interface DraftAgreementRequest {
  parties: string;
  facts: string;
  terms: string;
  performanceDueAt: string;
}

export interface ConfirmAgreementRequest { agreementId: number }

/** The caller has seen a channel up to this sequence number (its unread count starts after it). */
export interface MarkRoomReadRequest { seq: number }

export interface CloseRoomRequest { outcome: RoomCloseOutcome; note?: string }

export const AGREEMENT_TEXT_MAX = 2000;
/** Lifetime of a room invitation (share card / mini-program code). */
export const ROOM_INVITE_TTL_HOURS = 72;
/** Page a room invitation opens; the token travels as `invite` (or as the code's `scene`). */
export const ROOM_PAGE = 'packageMediation/room/index';

export * from './mediation/offline-rooms';
export * from './mediation/realtime';

/** The public timeline note of a reporter's 申请调解: one per case, the case page shows it as asked. */
export const MEDIATION_REQUEST_NOTE = '上报人申请调解';
