import {
  Anonymity, CaseAction, CaseActionRequest, CaseDetail, CaseInfoRequest, CaseKind, CaseNoteRequest, CaseStatus,
  CaseSummary, CASE_DESCRIPTION_MAX, CASE_TITLE_MAX, ContactPreference, CreateCaseRequest, DeadlineView, EscalationLevel,
  MAX_CASE_PHOTOS, RateCaseRequest, TimelineEventType, TimelineEventView, UnsealLogEntry, UnsealRequest, UnsealView, ReporterPhoneView,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsNumber, IsOptional, IsUUID, Max, Min,
} from 'class-validator';
import { OptionalEnum, OptionalId, OptionalText, PlainInt, RequiredEnum, RequiredText } from '../../common/validation';
import { PageOf, PageQueryDto } from '../../common/paging';

export class CreateCaseDto implements CreateCaseRequest {
  @RequiredEnum(CaseKind, CaseKind.Dispute) kind: CaseKind;
  @RequiredText(32, 'neighbour') subcategory: string;
  @RequiredText(CASE_TITLE_MAX, '楼上装修噪音') title: string;
  @RequiredText(CASE_DESCRIPTION_MAX, '楼上每天晚上十点后还在装修，多次沟通无果') description: string;
  @OptionalId() communityId?: number;
  @OptionalText(200, '胜利社区3栋2单元') addressText?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsLatitude() latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsLongitude() longitude?: number;
  @ApiPropertyOptional({ example: '2026-11-24T20:00:00+08:00' }) @IsOptional() @IsISO8601() occurredAt?: string;
  @ApiPropertyOptional({ type: [String], maxItems: MAX_CASE_PHOTOS })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CASE_PHOTOS) @IsUUID('4', { each: true })
  photoIds?: string[];
  @RequiredEnum(ContactPreference, ContactPreference.InApp) contactPreference: ContactPreference;
  @RequiredEnum(Anonymity, Anonymity.None) anonymity: Anonymity;
  @OptionalText(200, '楼上602住户') otherParty?: string;
}

export class CaseActionDto implements CaseActionRequest {
  @RequiredEnum(CaseAction, CaseAction.Accept) action: CaseAction;
  @OptionalText(500) note?: string;
  @OptionalId() duplicateOfId?: number;
  @OptionalId() transferToCommunityId?: number;
}

export class CaseNoteDto implements CaseNoteRequest {
  @RequiredText(1000) note: string;
  @ApiProperty() @IsBoolean() internal: boolean;
}

export class CaseInfoDto implements CaseInfoRequest {
  @OptionalText(1000) note?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_CASE_PHOTOS) @IsUUID('4', { each: true })
  photoIds?: string[];
}

export class RateCaseDto implements RateCaseRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @PlainInt() @IsInt() @Min(1) @Max(5) rating: number;
  @OptionalText(200) comment?: string;
}

export class SeriousRiskDto {
  @RequiredText(500, '当事人扬言报复，情绪激动') note: string;
}

export class UnsealDto implements UnsealRequest {
  @RequiredText(200, '线索核查需要联系上报人') reason: string;
}

export class CaseQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...Object.values(CaseStatus), 'all'], description: "one status, or 'all' (open and closed); unset: open" })
  @IsOptional() @IsIn([...Object.values(CaseStatus), 'all'])
  status?: CaseStatus | 'all';
  @OptionalText(40, '20261206-000009') q?: string;
  @OptionalEnum(CaseKind) kind?: CaseKind;
  @OptionalId() communityId?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean() overdue?: boolean;
}

export class CaseSummaryDto implements CaseSummary {
  @ApiProperty() id: number;
  @ApiProperty({ example: '20261124-000123' }) number: string;
  @ApiProperty({ enum: CaseKind }) kind: CaseKind;
  @ApiProperty() subcategory: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CaseStatus }) status: CaseStatus;
  @ApiProperty() communityId: number;
  @ApiProperty() communityName: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) nextDueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ enum: EscalationLevel }) escalation: EscalationLevel;
  @ApiProperty() seriousRisk: boolean;
  @ApiProperty() heldForReview: boolean;
}

export class CasePageDto extends PageOf(CaseSummaryDto) {}

class TimelineEventDto implements TimelineEventView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: TimelineEventType }) type: TimelineEventType;
  @ApiProperty({ enum: CaseStatus, nullable: true }) fromStatus: CaseStatus | null;
  @ApiProperty({ enum: CaseStatus, nullable: true }) toStatus: CaseStatus | null;
  @ApiProperty() actorLabel: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() public: boolean;
  @ApiProperty() at: string;
}

class DeadlineDto implements DeadlineView {
  @ApiProperty({ enum: ['first_response', 'resolution'] }) kind: 'first_response' | 'resolution';
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) metAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ enum: EscalationLevel }) escalation: EscalationLevel;
}

class CasePhotoDto {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
}

export class CaseDetailDto extends CaseSummaryDto implements CaseDetail {
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) addressText: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty({ enum: ContactPreference }) contactPreference: ContactPreference;
  @ApiProperty({ enum: Anonymity }) anonymity: Anonymity;
  @ApiProperty({ example: '匿名信息员' }) reporterLabel: string;
  @ApiProperty({ nullable: true, type: String }) reporterPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) otherParty: string | null;
  @ApiProperty({ nullable: true, type: Number }) officerId: number | null;
  @ApiProperty({ nullable: true, type: String }) officerName: string | null;
  @ApiProperty({ type: [CasePhotoDto] }) photos: CasePhotoDto[];
  @ApiProperty({ type: [TimelineEventDto] }) timeline: TimelineEventDto[];
  @ApiProperty({ type: [DeadlineDto] }) deadlines: DeadlineDto[];
  @ApiProperty({ enum: CaseAction, isArray: true }) allowedActions: CaseAction[];
  @ApiProperty() canAddNote: boolean;
  @ApiProperty() canFlagSeriousRisk: boolean;
  @ApiProperty() canUnseal: boolean;
  @ApiProperty({ description: '催办: leaders, while the case is being handled' }) canUrge: boolean;
  @ApiProperty() canConfirm: boolean;
  @ApiProperty({ nullable: true, type: Number }) rating: number | null;
  @ApiProperty({ nullable: true, type: String }) ratingComment: string | null;
  @ApiProperty({ nullable: true, type: Number }) duplicateOfId: number | null;
}

/** 查看号码 on the case page. */
export class ReporterPhoneDto implements ReporterPhoneView {
  @ApiProperty() caseId: number;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class UnsealViewDto implements UnsealView {
  @ApiProperty() reporterId: number;
  @ApiProperty() reporterName: string;
  @ApiProperty({ nullable: true, type: String }) reporterPhone: string | null;
}

export class UnsealLogEntryDto implements UnsealLogEntry {
  @ApiProperty() caseId: number;
  @ApiProperty() caseNumber: string;
  @ApiProperty() byUserId: number;
  @ApiProperty() byName: string;
  @ApiProperty() reason: string;
  @ApiProperty() at: string;
}

export class UnsealLogPageDto extends PageOf(UnsealLogEntryDto) {}

