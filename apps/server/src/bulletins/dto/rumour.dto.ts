import {
  CreateRumourReportRequest, LinkRumoursRequest, RUMOUR_LINKS_MAX, RumourGroup, RUMOUR_PLACE_MAX, RUMOUR_TEXT_MAX, RumourReportDetail, RumourReportView, RumourStatus,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/paging';
import { MAX_ID, OptionalEnum, OptionalText, PlainInt, RequiredId, RequiredText } from '../../common/validation';

export class CreateRumourReportDto implements CreateRumourReportRequest {
  @RequiredText(RUMOUR_TEXT_MAX, '网传本周小区要停水三天', '传言内容') text: string;
  @RequiredId() groupId: number;
  @OptionalText(RUMOUR_PLACE_MAX, '业主群、朋友圈', '看到的地方') place?: string;
  @ApiPropertyOptional({ description: 'a screenshot: an upload id (POST /api/uploads)' })
  @IsOptional() @IsUUID('4', { message: '截图不存在或已过期，请重新上传' }) screenshotId?: string;
}

export class RumourListQueryDto extends PageQueryDto {
  @OptionalEnum(RumourStatus) status?: RumourStatus;
}

export class LinkRumoursDto implements LinkRumoursRequest {
  @ApiProperty({ type: [Number], maxItems: RUMOUR_LINKS_MAX })
  @IsArray() @ArrayMaxSize(RUMOUR_LINKS_MAX, { message: `一条辟谣最多关联${RUMOUR_LINKS_MAX}条传言` }) @ArrayUnique({ message: '同一条传言只能关联一次' })
  @PlainInt() @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true })
  reportIds: number[];
}

export class RumourReportViewDto implements RumourReportView {
  @ApiProperty() id: number;
  @ApiProperty() text: string;
  @ApiProperty() groupId: number;
  @ApiProperty() groupName: string;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: String }) screenshotUrl: string | null;
  @ApiProperty({ enum: RumourStatus }) status: RumourStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: Number, description: 'the 辟谣 linking it' }) bulletinId: number | null;
  @ApiProperty({ nullable: true, type: String }) bulletinTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) debunkedAt: string | null;
  @ApiProperty({ enum: ['resident', 'staff'] }) reporterKind: 'resident' | 'staff';
}
export class RumourReportPageDto extends PageOf(RumourReportViewDto) {}

export class RumourReportDetailDto extends RumourReportViewDto implements RumourReportDetail {
  @ApiProperty({ nullable: true, type: String, description: "the group's responsible officer only (an audited read)" }) reporterName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'masked; the responsible officer only' }) reporterPhone: string | null;
}

export class RumourGroupDto implements RumourGroup {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}
