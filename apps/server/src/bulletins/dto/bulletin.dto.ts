import {
  BULLETIN_BLOCKS_MAX, BULLETIN_COMMENT_MAX, BULLETIN_IMAGES_MAX, BULLETIN_PUSH_GROUPS_MAX, BULLETIN_REASON_MAX, BULLETIN_TAGS_MAX,
  BulletinBlock, BulletinDetail, BulletinSecCheck, GroupKind, BulletinFeedItem, BulletinKind, BulletinPushView, BulletinStatus, BulletinSummary, CreateBulletinRequest,
  PushBulletinRequest, PushBulletinResponse, PushGroupView, PushOutcome, PushResult, ReviewBulletinRequest, ReviewDecision, WarningType,
  WithdrawBulletinRequest, BulletinFigures, BulletinGroupFigures, PushFigures,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateBy } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/paging';
import { MAX_ID, OptionalEnum, OptionalText, PlainInt, RequiredEnum, RequiredText } from '../../common/validation';

const isRuns = (v: unknown): boolean =>
  Array.isArray(v) && v.length <= 200 && v.every((r) => typeof r === 'object' && r !== null && typeof (r as { text?: unknown }).text === 'string'
    && ((r as { bold?: unknown }).bold === undefined || typeof (r as { bold?: unknown }).bold === 'boolean')
    && Object.keys(r as object).every((k) => k === 'text' || k === 'bold'));

/** Paragraphs and lists of text runs, nothing else (never HTML). */
const isBlocks = (v: unknown): boolean =>
  Array.isArray(v) && v.length <= BULLETIN_BLOCKS_MAX && v.every((b) => {
    if (typeof b !== 'object' || b === null) return false;
    const block = b as Record<string, unknown>;
    if (block.type === 'paragraph') return isRuns(block.runs) && Object.keys(block).every((k) => k === 'type' || k === 'runs');
    if (block.type === 'list') {
      return Array.isArray(block.items) && block.items.length <= 100 && block.items.every(isRuns)
        && (block.ordered === undefined || typeof block.ordered === 'boolean') && Object.keys(block).every((k) => ['type', 'items', 'ordered'].includes(k));
    }
    return false;
  });

export class BulletinContentDto implements CreateBulletinRequest {
  @RequiredEnum(BulletinKind, BulletinKind.Warning) kind: BulletinKind;
  @OptionalEnum(WarningType) warningType?: WarningType;
  /** Length and words are checked with the rest of the content (bulletinContentProblems). */
  @ApiProperty({ maxLength: 40, example: '警惕冒充客服退款诈骗' }) @IsString({ message: '请填写标题' }) title: string;
  @ApiProperty({
    description: 'Structured text: `{ type: "paragraph", runs: [{ text, bold? }] }` or `{ type: "list", ordered?, items: [[{ text, bold? }]] }`. Never HTML.',
    type: 'array', items: { type: 'object' },
  })
  @ValidateBy({ name: 'bulletinBlocks', validator: { validate: isBlocks, defaultMessage: () => '正文格式不正确' } })
  body: BulletinBlock[];
  @ApiPropertyOptional({ type: [String], maxItems: BULLETIN_IMAGES_MAX, description: 'upload ids (POST /api/uploads)' })
  @IsOptional() @IsArray() @ArrayMaxSize(BULLETIN_IMAGES_MAX, { message: `最多添加${BULLETIN_IMAGES_MAX}张图片` }) @IsUUID('4', { each: true, message: '图片不存在或已过期，请重新上传' })
  imageIds?: string[];
  @OptionalText(200, '《中华人民共和国反电信网络诈骗法》第二十五条', '法律依据') legalBasis?: string;
  @ApiPropertyOptional({ type: [String], maxItems: BULLETIN_TAGS_MAX })
  @IsOptional() @IsArray() @ArrayMaxSize(BULLETIN_TAGS_MAX, { message: `最多${BULLETIN_TAGS_MAX}个标签` }) @IsString({ each: true })
  tags?: string[];
  @ApiPropertyOptional({ description: '预警 only: urgent (紧急), reviewed within BULLETIN_URGENT_REVIEW_MINUTES or escalated' })
  @IsOptional() @IsBoolean({ message: '紧急标记格式不正确' })
  urgent?: boolean;
}

export class ReviewBulletinDto implements ReviewBulletinRequest {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return'], { message: '请选择通过或退回' }) decision: ReviewDecision;
  @OptionalText(BULLETIN_COMMENT_MAX, '案例细节需核实后再发', '退回意见') comment?: string;
}

export class WithdrawBulletinDto implements WithdrawBulletinRequest {
  @RequiredText(BULLETIN_REASON_MAX, '内容有误，已更正后重发', '撤回原因') reason: string;
}

export class PushBulletinDto implements PushBulletinRequest {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: BULLETIN_PUSH_GROUPS_MAX })
  @IsArray() @ArrayMinSize(1, { message: '请选择要推送的群' }) @ArrayMaxSize(BULLETIN_PUSH_GROUPS_MAX)
  @PlainInt() @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true })
  groupIds: number[];
  @ApiPropertyOptional({ description: '定时推送: an ISO time within the next 30 days' }) @IsOptional() @IsISO8601({ strict: true }, { message: '定时推送的时间格式不正确' })
  at?: string;
}

export class FeedQueryDto extends PageQueryDto {
  @OptionalEnum(BulletinKind) kind?: BulletinKind;
}

export class BulletinListQueryDto extends PageQueryDto {
  @OptionalEnum(BulletinStatus) status?: BulletinStatus;
  @ApiPropertyOptional({ enum: ['true'] }) @IsOptional() @Transform(({ value }) => value) @IsIn(['true']) mine?: 'true';
}

export class BulletinFeedItemDto implements BulletinFeedItem {
  @ApiProperty() id: number;
  @ApiProperty({ enum: BulletinKind }) kind: BulletinKind;
  @ApiProperty({ enum: WarningType, nullable: true }) warningType: WarningType | null;
  @ApiProperty() title: string;
  @ApiProperty() pushedAt: string;
  @ApiProperty({ description: 'the reader opened it' }) read: boolean;
}
export class BulletinFeedPageDto extends PageOf(BulletinFeedItemDto) {}

export class BulletinSummaryDto implements BulletinSummary {
  @ApiProperty() id: number;
  @ApiProperty({ enum: BulletinKind }) kind: BulletinKind;
  @ApiProperty({ enum: WarningType, nullable: true }) warningType: WarningType | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: BulletinStatus }) status: BulletinStatus;
  @ApiProperty() version: number;
  @ApiProperty() authorName: string;
  @ApiProperty() orgName: string;
  @ApiProperty({ nullable: true, type: String, description: 'when it went to review: the queue age counts from here' }) submittedAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) reviewComment: string | null;
  @ApiProperty() pushCount: number;
  @ApiProperty({ description: 'an urgent 预警' }) urgent: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'pending review: when an urgent 预警’s review is due' }) reviewDueAt: string | null;
}
export class BulletinSummaryPageDto extends PageOf(BulletinSummaryDto) {}

class BulletinPushViewDto implements BulletinPushView {
  @ApiProperty() groupId: number;
  @ApiProperty() groupName: string;
  @ApiProperty() pushedAt: string;
  @ApiProperty() version: number;
}

class BulletinAbilitiesDto {
  @ApiProperty() edit: boolean;
  @ApiProperty() submit: boolean;
  @ApiProperty() review: boolean;
  @ApiProperty() push: boolean;
  @ApiProperty() withdraw: boolean;
}

export class BulletinDetailDto implements BulletinDetail {
  @ApiProperty() id: number;
  @ApiProperty({ enum: BulletinStatus }) status: BulletinStatus;
  @ApiProperty({ enum: BulletinKind }) kind: BulletinKind;
  @ApiProperty({ enum: WarningType, nullable: true }) warningType: WarningType | null;
  @ApiProperty({ description: 'empty once withdrawn, for readers' }) title: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) body: BulletinBlock[];
  @ApiProperty({ type: [String] }) imageIds: string[];
  @ApiProperty({ type: [String], description: 'where each image is served, in the order of imageIds' }) imageUrls: string[];
  @ApiProperty({ nullable: true, type: String, description: '法律依据' }) legalBasis: string | null;
  @ApiProperty({ description: 'an urgent 预警' }) urgent: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'pending review: when an urgent 预警’s review is due' }) reviewDueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'held: why WeChat’s content check held it (its author, reviewer and leaders)' }) heldReason: string | null;
  @ApiProperty({ nullable: true, enum: ['pass', 'review', 'unchecked'], description: 'what WeChat’s content check said (author, reviewer)' }) secCheck: BulletinSecCheck | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() version: number;
  @ApiProperty() authorName: string;
  @ApiProperty() orgName: string;
  @ApiProperty({ nullable: true, type: String }) pushedAt: string | null;
  @ApiProperty() usefulCount: number;
  @ApiProperty() useful: boolean;
  @ApiProperty() read: boolean;
  @ApiProperty({ nullable: true, type: String }) reviewComment: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawReason: string | null;
  @ApiProperty({ type: BulletinAbilitiesDto }) can: BulletinAbilitiesDto;
  @ApiProperty({ type: [BulletinPushViewDto] }) pushes: BulletinPushViewDto[];
}

class PushResultDto implements PushResult {
  @ApiProperty() groupId: number;
  @ApiProperty({ nullable: true, type: String }) groupName: string | null;
  @ApiProperty({ enum: ['pushed', 'scheduled', 'over_quota', 'already_pushed', 'not_found'] }) outcome: PushOutcome;
  @ApiPropertyOptional() pushedAt?: string;
  @ApiPropertyOptional({ description: 'over_quota: when the group’s next slot opens' }) nextSlotAt?: string;
}
export class PushBulletinResponseDto implements PushBulletinResponse {
  @ApiProperty({ type: [PushResultDto] }) results: PushResultDto[];
}

export class PushGroupViewDto implements PushGroupView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: GroupKind }) kind: GroupKind;
  @ApiProperty() usedToday: number;
  @ApiProperty() quota: number;
}

export class ReadResponseDto {
  @ApiProperty({ enum: [true] }) read: true;
}
export class UsefulResponseDto {
  @ApiProperty({ enum: [true] }) useful: true;
  @ApiProperty() usefulCount: number;
}

export class CancelPushResponseDto {
  @ApiProperty({ enum: [true] }) cancelled: true;
}

class BulletinGroupFiguresDto implements BulletinGroupFigures {
  @ApiProperty() groupId: number;
  @ApiProperty() groupName: string;
  @ApiProperty() pushedAt: string;
  @ApiProperty({ description: 'active members of the group (members reached)' }) members: number;
  @ApiProperty({ description: 'members who opened it' }) readers: number;
  @ApiProperty({ description: 'readers / members, 0–1' }) readRate: number;
  @ApiProperty({ description: '有用 from members' }) useful: number;
  @ApiProperty({ description: 'people who opened it from a card in the WeChat group bound to this group (counted among readers)' }) cardOpens: number;
}

export class BulletinFiguresDto implements BulletinFigures {
  @ApiProperty({ type: [BulletinGroupFiguresDto] }) groups: BulletinGroupFiguresDto[];
  @ApiProperty() readers: number;
  @ApiProperty() useful: number;
  @ApiProperty({ description: 'times it was shared (分享)' }) shares: number;
  @ApiProperty({ description: 'people who opened it from a card in a WeChat group, bound or not' }) cardOpens: number;
}

class OfficerPushCountsDto {
  @ApiProperty() officerId: number;
  @ApiProperty() officerName: string;
  @ApiProperty() legalPublicity: number;
  @ApiProperty() reminders: number;
  @ApiProperty() positive: number;
}

export class PushFiguresDto implements PushFigures {
  @ApiProperty({ example: '2026-11-09' }) from: string;
  @ApiProperty({ example: '2026-12-08' }) to: string;
  @ApiProperty({ description: '法治宣传: pushes × groups' }) legalPublicity: number;
  @ApiProperty({ description: '提醒告知 (预警 and 辟谣): pushes × groups' }) reminders: number;
  @ApiProperty({ description: '正气: pushes × groups' }) positive: number;
  @ApiProperty({ type: [OfficerPushCountsDto] }) byOfficer: OfficerPushCountsDto[];
}

export class PushFiguresQueryDto {
  @ApiPropertyOptional({ example: '2026-11-09', description: 'first China day, YYYY-MM-DD (default: 29 days before `to`)' })
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-08', description: 'last China day, YYYY-MM-DD (default: today)' })
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为YYYY-MM-DD' }) to?: string;
}
