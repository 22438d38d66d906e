import {
  BindWechatGroupRequest, BulletinOpenRequest, BulletinOpenResponse, BulletinShareResponse, WechatGroupStatus, WechatGroupView,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalId, RequiredId } from '../../common/validation';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class BulletinShareResponseDto implements BulletinShareResponse {
  @ApiProperty() shareId: number;
  @ApiProperty({ description: 'the page and query the card opens (onShareAppMessage path)', example: 'pages/bulletin/index?id=3&share=12' }) path: string;
}

export class BulletinOpenDto implements BulletinOpenRequest {
  @ApiProperty({ description: 'getShareInfo(shareTicket).encryptedData, base64' })
  @IsString() @MaxLength(4096) @Matches(BASE64, { message: '群分享信息无效' })
  encryptedData: string;
  @ApiProperty({ description: 'getShareInfo(shareTicket).iv, base64' })
  @IsString() @MaxLength(64) @Matches(BASE64, { message: '群分享信息无效' })
  iv: string;
  @OptionalId() shareId?: number;
}

export class BulletinOpenResponseDto implements BulletinOpenResponse {
  @ApiProperty({ enum: [true] }) counted: true;
  @ApiProperty({ description: 'the WeChat group is bound to a police group, whose read this counts as' }) bound: boolean;
}

export class WechatGroupQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'bound'] }) @IsOptional() @IsIn(['pending', 'bound']) status?: WechatGroupStatus;
}

export class WechatGroupViewDto implements WechatGroupView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['pending', 'bound'] }) status: WechatGroupStatus;
  @ApiProperty({ type: Number, nullable: true }) groupId: number | null;
  @ApiProperty({ type: String, nullable: true }) groupName: string | null;
  @ApiProperty() firstBulletinTitle: string;
  @ApiProperty() firstSeenAt: string;
  @ApiProperty({ type: String, nullable: true }) sharedByName: string | null;
  @ApiProperty({ description: 'people who opened cards from it' }) openers: number;
}

export class BindWechatGroupDto implements BindWechatGroupRequest {
  @RequiredId() groupId: number;
}
