import {
  AgreementDocumentView, AgreementView, MediatorView, MessageKind, MessagePage, MessageView, OfflineBookingView, OfflineRoomSlot, OfflineRoomView, OfflineSlotView, RoomDetail,
  RoomInvitationView, RoomMemberRole, RoomMemberView, RoomStatus, RoomSummary, SystemEvent,
} from '@jws/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { LoginResponseDto } from '../../identity/dto/auth.dto';
import { PageOf } from '../../common/paging';

/** Response shapes of the mediation API, for the OpenAPI document (the types live in contracts). */

export class MediatorViewDto implements MediatorView {
  @ApiProperty() id: number;
  @ApiProperty() nickname: string;
}

export class RoomSummaryDto implements RoomSummary {
  @ApiProperty() id: number;
  @ApiProperty() caseId: number;
  @ApiProperty() caseNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: RoomStatus }) status: RoomStatus;
  @ApiProperty({ nullable: true, type: Number }) parentRoomId: number | null;
  @ApiProperty() lastSeq: number;
  @ApiProperty({ enum: RoomMemberRole, nullable: true }) myRole: RoomMemberRole | null;
  @ApiProperty() createdAt: string;
}

export class RoomSummaryPageDto extends PageOf(RoomSummaryDto) {}

class RoomMemberViewDto implements RoomMemberView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: RoomMemberRole }) role: RoomMemberRole;
  @ApiProperty() displayName: string;
  @ApiProperty() joined: boolean;
  @ApiProperty() isMe: boolean;
}

class ConfirmationDto {
  @ApiProperty() memberId: number;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
}

class AgreementViewDto implements AgreementView {
  @ApiProperty() id: number;
  @ApiProperty() roomId: number;
  @ApiProperty() version: number;
  @ApiProperty() parties: string;
  @ApiProperty() facts: string;
  @ApiProperty() terms: string;
  @ApiProperty() performanceDueAt: string;
  @ApiProperty({ type: [ConfirmationDto] }) confirmations: ConfirmationDto[];
  @ApiProperty() confirmed: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() canConfirm: boolean;
}

class AgreementStationDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class AgreementDocumentViewDto implements AgreementDocumentView {
  @ApiProperty() roomId: number;
  @ApiProperty() caseNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: AgreementViewDto }) agreement: AgreementViewDto;
  @ApiProperty({ type: [String], description: '调解员 names' }) mediators: string[];
  @ApiProperty({ type: AgreementStationDto, nullable: true }) station: AgreementStationDto | null;
  @ApiProperty({ nullable: true, type: String }) communityName: string | null;
}

class OfflineBookingViewDto implements OfflineBookingView {
  @ApiProperty() slotId: number;
  @ApiProperty() offlineRoomName: string;
  @ApiProperty() address: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['settled', 'unsettled'], nullable: true }) outcome: 'settled' | 'unsettled' | null;
  @ApiProperty({ nullable: true, type: String }) outcomeNote: string | null;
}

class CaucusRefDto {
  @ApiProperty() roomId: number;
  @ApiProperty() withMemberId: number;
  @ApiProperty() withName: string;
  @ApiProperty({ description: 'what others wrote there since the caller last read it' }) unread: number;
}

export class RoomDetailDto extends RoomSummaryDto implements RoomDetail {
  @ApiProperty({ type: [RoomMemberViewDto] }) members: RoomMemberViewDto[];
  @ApiProperty({ description: 'what others wrote in this channel since the caller last read it (0 for staff who are not members)' }) unread: number;
  @ApiProperty({ type: [CaucusRefDto] }) caucuses: CaucusRefDto[];
  @ApiProperty({ type: AgreementViewDto, nullable: true }) agreement: AgreementViewDto | null;
  @ApiProperty({ type: OfflineBookingViewDto, nullable: true }) booking: OfflineBookingViewDto | null;
  @ApiProperty() readOnly: boolean;
  @ApiProperty() canMediate: boolean;
  @ApiProperty() canManage: boolean;
}

export class MessageViewDto implements MessageView {
  @ApiProperty() roomId: number;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: MessageKind }) kind: MessageKind;
  @ApiProperty({ nullable: true, type: Number }) senderMemberId: number | null;
  @ApiProperty() senderName: string;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty({ enum: SystemEvent, nullable: true }) event: SystemEvent | null;
  @ApiProperty({ nullable: true, type: Number }) refSeq: number | null;
  @ApiProperty({ nullable: true, type: String }) clientMsgId: string | null;
  @ApiProperty() recalled: boolean;
  @ApiProperty() createdAt: string;
}

export class MessagePageDto implements MessagePage {
  @ApiProperty({ type: [MessageViewDto] }) items: MessageViewDto[];
  @ApiProperty({ nullable: true, type: Number }) nextBeforeSeq: number | null;
}

export class RoomInvitationViewDto implements RoomInvitationView {
  @ApiProperty() token: string;
  @ApiProperty() memberId: number;
  @ApiProperty() expiresAt: string;
  @ApiProperty() page: string;
}

export class RoomLoginResponseDto extends LoginResponseDto {
  @ApiProperty() roomId: number;
}

export class OfflineRoomSlotDto implements OfflineRoomSlot {
  @ApiProperty() id: number;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ description: 'A party has booked it (转线下)' }) booked: boolean;
}

export class OfflineRoomViewDto implements OfflineRoomView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) retiredAt: string | null;
  @ApiProperty({ type: [OfflineRoomSlotDto], description: 'Slots not yet ended, earliest first (at most 100)' }) slots: OfflineRoomSlotDto[];
}

export class OfflineSlotViewDto implements OfflineSlotView {
  @ApiProperty() id: number;
  @ApiProperty() offlineRoomId: number;
  @ApiProperty() offlineRoomName: string;
  @ApiProperty() address: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}
