import {
  DecideRewardRequest, DeedType, NameOfficerRequest, NamingConsent, NamingConsentRequest, OFFICER_MEASURES, OfficerHonourView, OfficerMeasure,
  OfficerRanking, OfficerRankingRow, ProposeRewardRequest, RateValue, REWARD_DEED_MAX, REWARD_KINDS, REWARD_REASON_MAX, RewardKind, RewardStatus, RewardView,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, Matches } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/paging';
import { OptionalId, OptionalText, RequiredId, RequiredText } from '../common/validation';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const STATUSES: RewardStatus[] = ['proposed', 'approved', 'refused'];

export class ProposeRewardDto implements ProposeRewardRequest {
  @OptionalId() caseId?: number;
  @OptionalId() bulletinId?: number;
  @OptionalId() residentId?: number;
  @ApiProperty({ enum: REWARD_KINDS }) @IsIn([...REWARD_KINDS], { message: '请选择精神奖励或物质奖励' }) kind: RewardKind;
  @RequiredText(10, '表扬信', '奖励形式') form: string;
  @ApiPropertyOptional({ example: 200, description: 'material only: yuan, 0.01–5000, two decimals at most' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '奖励金额应为数字（元）' }) amountYuan?: number;
  @RequiredText(REWARD_DEED_MAX, '及时上报楼道电线老化隐患，避免了一起火灾', '事迹') deed: string;
}

export class DecideRewardDto implements DecideRewardRequest {
  @ApiProperty({ enum: ['approve', 'refuse'] }) @IsIn(['approve', 'refuse'], { message: '请选择通过或不通过' }) decision: 'approve' | 'refuse';
  @OptionalText(REWARD_REASON_MAX, '事迹材料不足', '不通过的原因') reason?: string;
}

export class NamingConsentDto implements NamingConsentRequest {
  @ApiProperty() @IsBoolean({ message: '请选择同意或不同意' }) agree: boolean;
}

export class RewardListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES, { message: '请选择正确的状态' }) status?: RewardStatus;
}

class RewardCanDto {
  @ApiProperty() decide: boolean;
  @ApiProperty() consent: boolean;
}

export class RewardDto implements RewardView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: STATUSES }) status: RewardStatus;
  @ApiProperty({ enum: REWARD_KINDS }) kind: RewardKind;
  @ApiProperty() form: string;
  @ApiProperty({ nullable: true, type: Number }) amountYuan: number | null;
  @ApiProperty() deed: string;
  @ApiProperty({ enum: ['case', 'bulletin'] }) deedType: DeedType;
  @ApiProperty({ nullable: true, type: Number }) caseId: number | null;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ nullable: true, type: Number }) bulletinId: number | null;
  @ApiProperty({ nullable: true, type: String, description: '某居民 until the resident agrees to be named' }) bulletinTitle: string | null;
  @ApiProperty() residentId: number;
  @ApiProperty() residentName: string;
  @ApiProperty() communityName: string;
  @ApiProperty() proposedByName: string;
  @ApiProperty() proposedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) refusalReason: string | null;
  @ApiProperty({ nullable: true, enum: ['pending', 'agreed', 'declined'] }) naming: NamingConsent | null;
  @ApiProperty({ type: RewardCanDto }) can: RewardCanDto;
}

export class RewardPageDto extends PageOf(RewardDto) {}

export class OfficerRankingQueryDto {
  @ApiProperty({ example: '2026-11' }) @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month: string;
  @OptionalId() orgId?: number;
}

class RateValueDto implements RateValue {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
}

class MeasureRanksDto implements Record<OfficerMeasure, number> {
  @ApiProperty() responseMinutes: number;
  @ApiProperty() resolution: number;
  @ApiProperty() satisfaction: number;
  @ApiProperty() pushes: number;
  @ApiProperty() rewards: number;
}

class OfficerRankingRowDto implements OfficerRankingRow {
  @ApiProperty() officerId: number;
  @ApiProperty() officerName: string;
  @ApiProperty() stationName: string;
  @ApiProperty({ nullable: true, type: Number }) responseMinutes: number | null;
  @ApiProperty({ type: RateValueDto }) resolution: RateValueDto;
  @ApiProperty({ type: RateValueDto }) satisfaction: RateValueDto;
  @ApiProperty() pushes: number;
  @ApiProperty() rewards: number;
  @ApiProperty({ type: MeasureRanksDto, description: `rank per measure: ${OFFICER_MEASURES.join(', ')}` }) ranks: MeasureRanksDto;
  @ApiProperty() score: number;
  @ApiProperty() rank: number;
  @ApiProperty() honoured: boolean;
}

class RankingNodeDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() level: string;
}

export class OfficerRankingDto implements OfficerRanking {
  @ApiProperty() month: string;
  @ApiProperty({ type: RankingNodeDto }) node: RankingNodeDto;
  @ApiProperty({ type: [OfficerRankingRowDto] }) rows: OfficerRankingRowDto[];
  @ApiProperty() canName: boolean;
}

export class NameOfficerDto implements NameOfficerRequest {
  @ApiProperty({ example: '2026-11' }) @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month: string;
  @RequiredId() officerId: number;
}

export class OfficerHonourDto implements OfficerHonourView {
  @ApiProperty() id: number;
  @ApiProperty() month: string;
  @ApiProperty() officerId: number;
  @ApiProperty() officerName: string;
  @ApiProperty({ example: '成绩突出社区民警（2026年11月）' }) title: string;
  @ApiProperty() namedAt: string;
}
