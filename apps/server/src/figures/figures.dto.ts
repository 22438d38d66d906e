import {
  FigureTrend, FigureTrendPoint, FigureTrendQuery, MAX_TREND_PERIODS, PeriodKind,
  Coverage, CreatePreventionActionRequest, MissedReviewRow, FIGURE_COUNTERS, FigureCounter, FigureNode, FigurePeriod, FigureRecord, FigureRecordType, FiguresView,
  PREVENTION_NOTE_MAX, PREVENTION_PLACE_MAX, PreventionActionKind, PreventionActionView, RankingRow, RateValue,
} from '@jws/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/paging';
import { OptionalId, OptionalText, PlainInt, RequiredEnum, RequiredText } from '../common/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FiguresQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'first day, China time (YYYY-MM-DD)' })
  @Matches(DATE, { message: '开始日期应为 YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2026-12-07', description: 'last day, included' })
  @Matches(DATE, { message: '结束日期应为 YYYY-MM-DD' }) to: string;
  /** Default: the caller's own node (an officer: their communities together). */
  @OptionalId() orgId?: number;
}

export class FigureRecordsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: FIGURE_COUNTERS }) @IsIn([...FIGURE_COUNTERS], { message: '请选择要查看的统计项' }) counter: FigureCounter;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, { message: '开始日期应为 YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2026-12-07' }) @Matches(DATE, { message: '结束日期应为 YYYY-MM-DD' }) to: string;
  @OptionalId() orgId?: number;
}

class RateValueDto implements RateValue {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
}

class RankingRowDto extends RateValueDto implements RankingRow {
  @ApiProperty() orgId: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: nothing to divide by' }) rank: number | null;
  @ApiProperty() self: boolean;
}

class FigurePeriodDto implements FigurePeriod {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

class FigureNodeDto implements FigureNode {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() level: string;
}

class CountersDto implements Record<FigureCounter, number> {
  @ApiProperty({ description: '法治宣传' }) publicity: number;
  @ApiProperty({ description: '提醒告知' }) notices: number;
  @ApiProperty({ description: '化解矛盾' }) disputesResolved: number;
  @ApiProperty({ description: '便民服务' }) services: number;
  @ApiProperty({ description: '安全防范' }) prevention: number;
  @ApiProperty({ description: '收集异常报告' }) anomalies: number;
}

class RatesDto {
  @ApiProperty({ type: RateValueDto, description: '响应率' }) response: RateValue;
  @ApiProperty({ type: RateValueDto, description: '解决率' }) resolution: RateValue;
  @ApiProperty({ type: RateValueDto, description: '满意率' }) satisfaction: RateValue;
}

class RankingsDto {
  @ApiProperty({ type: [RankingRowDto] }) response: RankingRow[];
  @ApiProperty({ type: [RankingRowDto] }) resolution: RankingRow[];
  @ApiProperty({ type: [RankingRowDto] }) satisfaction: RankingRow[];
}

class CoverageDto implements Coverage {
  @ApiProperty() groups: number;
  @ApiProperty() members: number;
  @ApiProperty() residents: number;
  @ApiProperty() enterprises: number;
}

class MissedReviewDto implements MissedReviewRow {
  @ApiProperty() orgId: number;
  @ApiProperty() orgName: string;
  @ApiProperty({ enum: ['week', 'xun', 'month'] }) unit: string;
  @ApiProperty({ type: FigurePeriodDto }) period: FigurePeriod;
}

export class FiguresViewDto implements FiguresView {
  @ApiProperty({ type: FigurePeriodDto }) period: FigurePeriod;
  @ApiProperty({ type: FigureNodeDto, nullable: true }) node: FigureNode | null;
  @ApiProperty() live: boolean;
  @ApiProperty({ type: CountersDto }) counters: Record<FigureCounter, number>;
  @ApiProperty({ enum: FIGURE_COUNTERS, isArray: true, description: 'counters whose source is not connected (answered 0)' }) unavailable: FigureCounter[];
  @ApiProperty({ type: RatesDto }) rates: RatesDto;
  @ApiProperty({ type: RankingsDto }) rankings: RankingsDto;
  @ApiProperty({ type: CoverageDto }) coverage: Coverage;
  @ApiProperty({ type: [MissedReviewDto], description: '未按期会商 of the node and below in the period (docs/reviews.md)' }) missedReviews: MissedReviewDto[];
}

export class FigureRecordDto implements FigureRecord {
  @ApiProperty({ enum: ['case', 'prevention_action', 'bulletin_push'] }) type: FigureRecordType;
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty() title: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() communityName: string;
  @ApiProperty() at: string;
}

export class FigureRecordPageDto extends PageOf(FigureRecordDto) {}

export class CreatePreventionActionDto implements CreatePreventionActionRequest {
  @RequiredEnum(PreventionActionKind, PreventionActionKind.Patrol) kind: PreventionActionKind;
  @ApiProperty({ example: '2026-12-07T20:30:00+08:00' }) @IsISO8601({ strict: true }, { message: '请填写防范工作的时间' }) actedAt: string;
  @RequiredText(PREVENTION_PLACE_MAX, '胜利社区5栋楼道', '地点') place: string;
  @OptionalText(PREVENTION_NOTE_MAX, '楼道杂物已清理', '说明') note?: string;
  @OptionalId() caseId?: number;
  @OptionalId() communityId?: number;
}

export class PreventionActionDto implements PreventionActionView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: PreventionActionKind }) kind: PreventionActionKind;
  @ApiProperty() actedAt: string;
  @ApiProperty() place: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: Number }) caseId: number | null;
  @ApiProperty() communityId: number;
  @ApiProperty() communityName: string;
  @ApiProperty() officerId: number;
  @ApiProperty() createdAt: string;
}

export class PreventionActionPageDto extends PageOf(PreventionActionDto) {}

export class PreventionListQueryDto extends PageQueryDto {
  @OptionalId() orgId?: number;
}

const TREND_UNITS = ['day', 'week', 'xun', 'month'] as const;

export class FigureTrendQueryDto implements FigureTrendQuery {
  @ApiProperty({ enum: TREND_UNITS, description: '日, 周 (Monday first), 旬, 月' })
  @IsIn([...TREND_UNITS], { message: '请选择按日、周、旬或月' }) unit: Exclude<PeriodKind, 'custom'>;
  @ApiProperty({ minimum: 1, maximum: MAX_TREND_PERIODS, example: 6 })
  @PlainInt() @IsInt({ message: '期数应为整数' }) @Min(1, { message: '期数至少为1' }) @Max(MAX_TREND_PERIODS, { message: `期数最多为${MAX_TREND_PERIODS}` }) count: number;
  @OptionalId() orgId?: number;
}

class FigureTrendPointDto implements FigureTrendPoint {
  @ApiProperty({ type: FigurePeriodDto }) period: FigurePeriod;
  @ApiProperty({ type: CountersDto }) counters: Record<FigureCounter, number>;
  @ApiProperty({ enum: FIGURE_COUNTERS, isArray: true }) unavailable: FigureCounter[];
  @ApiProperty({ type: RatesDto }) rates: RatesDto;
}

export class FigureTrendDto implements FigureTrend {
  @ApiProperty({ enum: TREND_UNITS }) unit: Exclude<PeriodKind, 'custom'>;
  @ApiProperty({ type: FigureNodeDto, nullable: true }) node: FigureNode | null;
  @ApiProperty({ type: [FigureTrendPointDto], description: 'oldest first; the last is the current period, up to now' }) points: FigureTrendPoint[];
}
