import { CaseKind, CaseStatus, DeadlineKind, EscalationLevel, SupervisedCase, URGE_INSTRUCTION_MAX, UrgeCaseRequest } from '@jws/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../common/paging';
import { RequiredText } from '../common/validation';

export class SupervisedCaseDto implements SupervisedCase {
  @ApiProperty() caseId: number;
  @ApiProperty({ example: '20261124-000123' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CaseKind }) kind: CaseKind;
  @ApiProperty({ enum: CaseStatus }) status: CaseStatus;
  @ApiProperty() communityId: number;
  @ApiProperty() communityName: string;
  @ApiProperty({ nullable: true, type: Number }) officerId: number | null;
  @ApiProperty({ nullable: true, type: String, description: '责任民警' }) officerName: string | null;
  @ApiProperty({ enum: ['first_response', 'resolution'], description: '首次响应 or 办结: the overdue deadline that escalated' }) deadlineKind: DeadlineKind;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: EscalationLevel, description: '2 派出所督办, 3 分局催办' }) escalation: EscalationLevel;
  @ApiProperty({ nullable: true, type: String, description: 'the last 催办 of the case, by any leader' }) lastUrgedAt: string | null;
}

export class SupervisedCasePageDto extends PageOf(SupervisedCaseDto) {}

export class UrgeCaseDto implements UrgeCaseRequest {
  @RequiredText(URGE_INSTRUCTION_MAX, '请今天下班前上门核实，并回复群众', '催办要求') instruction: string;
}
