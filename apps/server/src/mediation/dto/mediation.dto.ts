import {
  AcceptRoomInvitationRequest, AGREEMENT_TEXT_MAX, CloseRoomRequest, ConfirmAgreementRequest, CreateOfflineRoomRequest, CreateSlotRequest,
  DraftAgreementRequest, JoinRoomInvitationRequest, MarkRoomReadRequest, MESSAGE_PAGE_MAX, MESSAGE_TEXT_MAX, MessageKind, OfflineOutcomeRequest,
  OFFLINE_ROOM_ADDRESS_MAX, OFFLINE_ROOM_NAME_MAX, OpenRoomRequest, RoomStatus, SendMessageRequest, TransferOfflineRequest,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { OptionalId, OptionalText, PlainInt, RequiredId, RequiredText } from '../../common/validation';

export class OpenRoomDto implements OpenRoomRequest {
  @RequiredId() caseId: number;
  @OptionalId() respondentUserId?: number;
  /** Shown to every party of the room: a form of address, never a phone number. */
  @OptionalText(20, '刘先生') @Matches(/^(?!.*\d{7})/s, { message: '被申请人只填称呼，不要填写电话号码' }) respondentName?: string;
  @RequiredId() mediatorUserId: number;
  @OptionalId() cadreUserId?: number;
}

export class SendMessageDto implements SendMessageRequest {
  @RequiredText(64, '3f1c2a7e-msg-0001') clientMsgId: string;
  @ApiProperty({ enum: [MessageKind.Text, MessageKind.Image] }) @IsIn([MessageKind.Text, MessageKind.Image]) kind: MessageKind.Text | MessageKind.Image;
  // The length cap is the service's (MESSAGE_TOO_LONG, counted in characters); this only bounds the body.
  @ApiPropertyOptional({ maxLength: MESSAGE_TEXT_MAX }) @IsOptional() @IsString() text?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') uploadId?: string;
}

export class HistoryQueryDto {
  @OptionalId() beforeSeq?: number;
  @ApiPropertyOptional({ default: 50, maximum: MESSAGE_PAGE_MAX }) @IsOptional() @PlainInt() @IsInt() @Min(1) @Max(MESSAGE_PAGE_MAX) limit?: number;
}

export class CaseIdQueryDto {
  @RequiredId() caseId: number;
}

export class MarkRoomReadDto implements MarkRoomReadRequest {
  /** The last message's sequence number the person has seen in the channel. */
  @RequiredId() seq: number;
}

export class CaucusDto {
  @RequiredId() memberId: number;
}

export class InviteDto {
  @RequiredId() memberId: number;
}

export class AcceptRoomInvitationDto implements AcceptRoomInvitationRequest {
  @RequiredText(64) token: string;
  @RequiredText(128, 'demo:new-respondent') code: string;
}

export class JoinRoomInvitationDto implements JoinRoomInvitationRequest {
  @RequiredText(64) token: string;
}

export class DraftAgreementDto implements DraftAgreementRequest {
  @RequiredText(AGREEMENT_TEXT_MAX, '申请人：张阿姨；被申请人：602住户') parties: string;
  @RequiredText(AGREEMENT_TEXT_MAX, '602住户晚间装修噪音影响楼下休息') facts: string;
  @RequiredText(AGREEMENT_TEXT_MAX, '602住户每天20点后不再施工') terms: string;
  @ApiProperty({ example: '2026-12-31T00:00:00+08:00' }) @IsISO8601() performanceDueAt: string;
}

export class ConfirmAgreementDto implements ConfirmAgreementRequest {
  @RequiredId() agreementId: number;
}

export class TransferOfflineDto implements TransferOfflineRequest {
  @RequiredId() slotId: number;
  @OptionalText(200) note?: string;
}

export class OfflineOutcomeDto implements OfflineOutcomeRequest {
  @ApiProperty() @IsBoolean() settled: boolean;
  @RequiredText(500, '双方当面达成一致') note: string;
}

export class CloseRoomDto implements CloseRoomRequest {
  @ApiProperty({ enum: [RoomStatus.ClosedUnsettled, RoomStatus.Withdrawn] })
  @IsIn([RoomStatus.ClosedUnsettled, RoomStatus.Withdrawn])
  outcome: RoomStatus.ClosedUnsettled | RoomStatus.Withdrawn;
  @OptionalText(200) note?: string;
}

export class CreateOfflineRoomDto implements CreateOfflineRoomRequest {
  @RequiredText(OFFLINE_ROOM_NAME_MAX, '天桥所警民联调室') name: string;
  @RequiredText(OFFLINE_ROOM_ADDRESS_MAX, '胜利路88号天桥派出所二楼') address: string;
}

export class CreateSlotDto implements CreateSlotRequest {
  @ApiProperty() @IsISO8601() startsAt: string;
  @ApiProperty() @IsISO8601() endsAt: string;
}
