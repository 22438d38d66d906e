import {
  CompleteFollowUpRequest, FigurePeriod, FollowUpStatus, FollowUpView, MajorIssueFeedbackRequest, MajorIssueStatus, MajorIssueView, OrgLevel,
  RaiseMajorIssueRequest, RecordReviewRequest, REVIEW_DECISIONS_MAX, REVIEW_TEXT_MAX, ReviewDecisionInput, ReviewPeriodItem, ReviewSchedule, ReviewState,
  ReviewUnit, ReviewView,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_ID, OptionalId, PlainInt, RequiredText } from '../common/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNITS = ['week', 'xun', 'month'];

export class ReviewNodeQueryDto {
  /** Default: the caller's own unit. */
  @OptionalId() orgId?: number;
}

export class ReviewPacketQueryDto extends ReviewNodeQueryDto {
  @ApiProperty({ example: '2026-12-07', description: 'the first day of the period (its 周, 旬 or 月), China time' })
  @Matches(DATE, { message: '日期应为 YYYY-MM-DD' }) from: string;
}

export class FollowUpListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'done'] }) @IsOptional() @IsIn(['open', 'done'], { message: '状态应为 open 或 done' }) status?: FollowUpStatus;
}

export class ReviewDecisionDto implements Partial<ReviewDecisionInput> {
  @RequiredText(REVIEW_TEXT_MAX.decision, '胜利社区电动车进楼充电问题，本周内逐户提示', '决定事项') content: string;
  /** Checked by the service (DECISION_INCOMPLETE when missing). */
  @ApiPropertyOptional({ type: Number, description: '责任人 (a police officer or leader of the jurisdiction); required' })
  @IsOptional() @PlainInt() @IsInt({ message: '请选择责任人' }) @Min(1) @Max(MAX_ID) ownerId?: number;
  @ApiPropertyOptional({ example: '2026-12-12', description: '完成期限 YYYY-MM-DD, today or later; required' })
  @IsOptional() @IsString() deadline?: string;
}

export class RecordReviewDto implements Omit<RecordReviewRequest, 'decisions'> {
  @ApiProperty({ example: '2026-12-07', description: 'the first day of the period reviewed' }) @Matches(DATE, { message: '会商时段应为 YYYY-MM-DD' }) periodFrom: string;
  @ApiProperty({ example: '2026-12-08', description: '会商日期: within the period, not after today' }) @Matches(DATE, { message: '会商日期应为 YYYY-MM-DD' }) heldOn: string;
  @RequiredText(REVIEW_TEXT_MAX.attendees, '郑副所长、王建国、赵立新', '参会人员') attendees: string;
  @RequiredText(REVIEW_TEXT_MAX.summary, '本周接报12件，化解矛盾3件；胜利社区电动车充电隐患较多。', '会商纪要') summary: string;
  @ApiProperty({ type: [ReviewDecisionDto], maxItems: REVIEW_DECISIONS_MAX })
  @IsArray() @ArrayMaxSize(REVIEW_DECISIONS_MAX, { message: `决定事项最多${REVIEW_DECISIONS_MAX}项` }) @ValidateNested({ each: true }) @Type(() => ReviewDecisionDto)
  decisions: ReviewDecisionDto[];
}

export class CompleteFollowUpDto implements CompleteFollowUpRequest {
  @RequiredText(REVIEW_TEXT_MAX.decision, '已逐户提示，楼道充电已清理', '办理情况') note: string;
}

export class RaiseMajorIssueDto implements RaiseMajorIssueRequest {
  @RequiredText(REVIEW_TEXT_MAX.title, '辖区工地欠薪纠纷可能引发群体性事件', '问题标题') title: string;
  @RequiredText(REVIEW_TEXT_MAX.issue, '涉及农民工40余人，已多次到工地聚集', '问题情况') detail: string;
  @ApiProperty({ example: '2026-12-10', description: '会商和反馈期限 YYYY-MM-DD, today or later' }) @Matches(DATE, { message: '期限应为 YYYY-MM-DD' }) deadline: string;
}

export class MajorIssueFeedbackDto implements MajorIssueFeedbackRequest {
  @RequiredText(REVIEW_TEXT_MAX.feedback, '已召集劳动监察、住建会商，明日联合约谈施工方', '会商反馈') feedback: string;
}

class PeriodDto implements FigurePeriod {
  @ApiProperty({ example: '2026-12-07' }) from: string;
  @ApiProperty({ example: '2026-12-13' }) to: string;
}

class NodeDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OrgLevel }) level: OrgLevel;
}

export class ReviewPeriodItemDto implements ReviewPeriodItem {
  @ApiProperty() orgId: number;
  @ApiProperty() orgName: string;
  @ApiProperty({ enum: OrgLevel }) level: OrgLevel;
  @ApiProperty({ enum: UNITS }) unit: ReviewUnit;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ enum: ['due', 'recorded', 'missed'] }) state: ReviewState;
  @ApiProperty({ nullable: true, type: Number }) reviewId: number | null;
  @ApiProperty({ nullable: true, type: String }) heldOn: string | null;
  @ApiProperty({ nullable: true, type: String }) reportedAt: string | null;
}

class OwnerDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class ReviewScheduleDto implements ReviewSchedule {
  @ApiProperty({ type: NodeDto }) node: NodeDto;
  @ApiProperty({ enum: UNITS }) unit: ReviewUnit;
  @ApiProperty() canRecord: boolean;
  @ApiProperty({ type: [OwnerDto], description: 'who may own a decision (police of the jurisdiction), when the caller records' }) owners: OwnerDto[];
  @ApiProperty({ type: [ReviewPeriodItemDto] }) periods: ReviewPeriodItemDto[];
  @ApiProperty({ type: [ReviewPeriodItemDto], description: '未按期会商 of the nodes below (the last 3 months)' }) missedBelow: ReviewPeriodItemDto[];
}

export class FollowUpDto implements FollowUpView {
  @ApiProperty() id: number;
  @ApiProperty() reviewId: number;
  @ApiProperty() orgId: number;
  @ApiProperty() orgName: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() content: string;
  @ApiProperty() ownerId: number;
  @ApiProperty() ownerName: string;
  @ApiProperty() deadline: string;
  @ApiProperty({ enum: ['open', 'done'] }) status: FollowUpStatus;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: String }) escalatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) doneAt: string | null;
  @ApiProperty({ nullable: true, type: String }) doneNote: string | null;
}

export class ReviewDto implements ReviewView {
  @ApiProperty() id: number;
  @ApiProperty() orgId: number;
  @ApiProperty() orgName: string;
  @ApiProperty({ enum: UNITS }) unit: ReviewUnit;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() heldOn: string;
  @ApiProperty() attendees: string;
  @ApiProperty() summary: string;
  @ApiProperty() recordedBy: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: [FollowUpDto] }) followUps: FollowUpDto[];
}

export class ReviewPacketDto {
  @ApiProperty({ type: NodeDto }) node: NodeDto;
  @ApiProperty({ enum: UNITS }) unit: ReviewUnit;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() preparedAt: string;
  @ApiProperty({ type: Object, description: 'the period’s six counters and three rates (GET /api/figures)' }) figures: unknown;
  @ApiProperty({ type: [Object], description: '督办: overdue cases with their officers' }) overdue: unknown;
  @ApiProperty({ type: [Object], description: '转办分流联席: referral pile-ups' }) referralPileUps: unknown;
  @ApiProperty({ type: [Object], description: 'disputes in handling' }) openDisputes: unknown;
  @ApiProperty({ type: [Object], description: 'disputes settled in the period' }) mediationOutcomes: unknown;
  @ApiProperty({ type: [Object], description: 'serious-risk cases in handling' }) seriousRisks: unknown;
  @ApiProperty({ type: [Object], description: '辟谣 bulletins pushed in the period, with their reach' }) rumours: unknown;
  @ApiProperty({ type: [Object], description: 'bulletins pushed in the period, with members reached and readers' }) bulletinReads: unknown;
  @ApiProperty() pendingJoinRequests: number;
  @ApiProperty({ type: [FollowUpDto] }) openFollowUps: FollowUpDto[];
}

export class MajorIssueDto implements MajorIssueView {
  @ApiProperty() id: number;
  @ApiProperty() stationId: number;
  @ApiProperty() stationName: string;
  @ApiProperty() title: string;
  @ApiProperty() detail: string;
  @ApiProperty() raisedBy: string;
  @ApiProperty() raisedAt: string;
  @ApiProperty() leaderId: number;
  @ApiProperty() leaderName: string;
  @ApiProperty() deadline: string;
  @ApiProperty({ enum: ['open', 'answered'] }) status: MajorIssueStatus;
  @ApiProperty({ nullable: true, type: String }) feedback: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
}
