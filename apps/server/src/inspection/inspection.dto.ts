import {
  CaseKind, CaseStatus, DeadlineKind, EscalationLevel, InquiryOutcome, InquiryView, INQUIRY_FINDINGS_MAX, InspectionCaseView, InspectionItem,
  OpenInquiryRequest, ResponseTrail, Role, TrailDeadline, TrailStep,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../common/paging';
import { RequiredEnum, RequiredText } from '../common/validation';

export class TrailDeadlineDto implements TrailDeadline {
  @ApiProperty({ enum: ['first_response', 'resolution'], description: '首次响应 or 办结' }) kind: DeadlineKind;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) metAt: string | null;
  @ApiProperty({ enum: EscalationLevel }) escalation: EscalationLevel;
  @ApiProperty({ description: 'minutes past due when met, or until now while unmet' }) lateMinutes: number;
}

export class TrailStepDto implements TrailStep {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['escalated', 'notice', 'urge', 'reply', 'handover', 'inquiry'] }) kind: TrailStep['kind'];
  @ApiProperty({ nullable: true, type: String, description: 'who acted, or who was told (a notice)' }) who: string | null;
  @ApiProperty({ nullable: true, enum: Role }) whoRole: Role | null;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'a notice: when it was read' }) readAt?: string | null;
}

export class ResponseTrailDto implements ResponseTrail {
  @ApiProperty({ type: [TrailDeadlineDto] }) deadlines: TrailDeadlineDto[];
  @ApiProperty({ type: [TrailStepDto] }) steps: TrailStepDto[];
}

export class InspectionItemDto implements InspectionItem {
  @ApiProperty() caseId: number;
  @ApiProperty({ example: '20261124-000123' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CaseKind }) kind: CaseKind;
  @ApiProperty({ enum: CaseStatus }) status: CaseStatus;
  @ApiProperty() communityName: string;
  @ApiProperty({ nullable: true, type: String }) officerName: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ enum: EscalationLevel }) escalation: EscalationLevel;
  @ApiProperty({ type: ResponseTrailDto }) trail: ResponseTrailDto;
  @ApiProperty() inquiryCount: number;
}

export class InspectionItemPageDto extends PageOf(InspectionItemDto) {}

export class InquiryViewDto implements InquiryView {
  @ApiProperty() id: number;
  @ApiProperty() caseId: number;
  @ApiProperty() caseNumber: string;
  @ApiProperty() caseTitle: string;
  @ApiProperty() inspectorName: string;
  @ApiProperty({ nullable: true, type: String }) officerName: string | null;
  @ApiProperty() findings: string;
  @ApiProperty({ enum: InquiryOutcome, description: '无责 / 提醒谈话 / 批评教育 / 通报批评 / 移送追责' }) outcome: InquiryOutcome;
  @ApiProperty() createdAt: string;
}

export class InquiryPageDto extends PageOf(InquiryViewDto) {}

export class InspectionCaseViewDto implements InspectionCaseView {
  @ApiProperty({ type: InspectionItemDto }) item: InspectionItemDto;
  @ApiProperty({ type: [InquiryViewDto] }) inquiries: InquiryViewDto[];
}

export class OpenInquiryDto implements OpenInquiryRequest {
  @RequiredText(INQUIRY_FINDINGS_MAX, '群众反映的问题两天未回复，民警称在外参加培训，未交接', '核查情况') findings: string;
  @RequiredEnum(InquiryOutcome, InquiryOutcome.Reminder) outcome: InquiryOutcome;
}
