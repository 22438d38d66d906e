import {
  CommunityHandoverView, CommunityInviteView, CommunityView, HandoverRequest, JoinByCodeRequest, JoinRequest, MEMBERSHIP_NOTE_MAX, MEMBERSHIP_REFUSAL_REASON_MAX, MEMBERSHIP_REFUSAL_REASON_MIN,
  MembershipStatus, RefuseMembershipRequest,
  GroupKind, MemberPage, MemberPhoneView, MembershipView, MemberType, MemberView, OfficerCard, OrgLevel, OrgUnitView, PoliceGroupView, StationContact, WorkbenchCommunity, WorkbenchUnit,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { InviteCode, OptionalEnum, OptionalText, RequiredId, RequiredText } from '../../common/validation';
import { PageOf, PageQueryDto } from '../../common/paging';

export class JoinByCodeDto implements JoinByCodeRequest {
  @InviteCode()
  code: string;
  @OptionalEnum(MemberType)
  memberType?: MemberType;
}

export class JoinRequestDto implements Omit<JoinRequest, 'communityId'> {
  @OptionalEnum(MemberType)
  memberType?: MemberType;
  /** 申请说明, for the officer who decides; omitted when asking again, the previous one stays. */
  @OptionalText(MEMBERSHIP_NOTE_MAX, '胜利小区3栋2单元住户 张三', '申请说明')
  note?: string;
}

/** 拒绝: the reason is told to the resident and kept on the membership and in the audit log. */
export class RefuseMembershipDto implements RefuseMembershipRequest {
  @RequiredText(MEMBERSHIP_REFUSAL_REASON_MAX, '非本社区居民', '拒绝理由', MEMBERSHIP_REFUSAL_REASON_MIN)
  reason: string;
}

export class HandoverDto implements HandoverRequest {
  @RequiredId()
  newOfficerId: number;
  @RequiredText(200, '原责任民警岗位调整')
  reason: string;
}

export class InformantDto {
  @ApiProperty() @IsBoolean()
  granted: boolean;
}

export class StationContactDto implements StationContact {
  @ApiProperty() id: number;
  @ApiProperty({ example: '天桥派出所' }) name: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class MyStationDto {
  @ApiProperty({ type: StationContactDto, nullable: true, description: 'null: the caller belongs to no community or station yet' })
  station: StationContactDto | null;
}

export class OfficerCardDto implements OfficerCard {
  @ApiProperty() id: number;
  @ApiProperty({ example: '王建国' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'public work phone' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) photoUrl: string | null;
  @ApiProperty() stationName: string;
  @ApiProperty({ nullable: true, type: String, example: '成绩突出社区民警（2026年11月）', description: 'the latest title of the last 12 months (docs/rewards.md)' })
  honour: string | null;
}

export class CommunityViewDto implements CommunityView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() stationId: number;
  @ApiProperty() stationName: string;
  @ApiProperty() branchName: string;
  @ApiProperty({ type: OfficerCardDto, nullable: true }) officer: OfficerCardDto | null;
  @ApiProperty({ nullable: true, type: String }) groupName: string | null;
}

export class WorkbenchCommunityDto extends CommunityViewDto implements WorkbenchCommunity {
  @ApiProperty() memberCount: number;
  @ApiProperty() pendingCount: number;
}

export class WorkbenchCommunityPageDto extends PageOf(WorkbenchCommunityDto) {}

/** Paging, and `q`: part of a community's or its station's name. */
export class CommunitySearchDto extends PageQueryDto {
  @OptionalText(20, '胜利')
  q?: string;
}

/** 工作台: the communities in scope, optionally under one branch or station (drill-down). */
export class WorkbenchCommunitySearchDto extends CommunitySearchDto {
  @ApiPropertyOptional({ description: "only communities under this branch or station (in the caller's jurisdiction)" })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  under?: number;
}

export class WorkbenchUnitsQueryDto {
  @ApiPropertyOptional({ description: "the unit whose branches or stations to list; unset: the caller's own unit" })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  parentId?: number;
}

export class WorkbenchUnitDto implements WorkbenchUnit {
  @ApiProperty() id: number;
  @ApiProperty({ example: '蚌山分局' }) name: string;
  @ApiProperty({ enum: OrgLevel }) level: OrgLevel;
  @ApiProperty({ description: 'communities under this unit' }) communityCount: number;
  @ApiProperty({ description: 'join requests waiting in them (待审核)' }) pendingCount: number;
}

export class CommunityPageDto extends PageOf(CommunityViewDto) {}

export class MembershipViewDto implements MembershipView {
  @ApiProperty() id: number;
  @ApiProperty() communityId: number;
  @ApiProperty() communityName: string;
  @ApiProperty({ enum: MemberType }) memberType: MemberType;
  @ApiProperty({ enum: MembershipStatus }) status: MembershipStatus;
  @ApiProperty({ nullable: true, type: String }) joinedAt: string | null;
  @ApiProperty({ type: OfficerCardDto, nullable: true }) officer: OfficerCardDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'why the officer refused (status refused); null otherwise' }) refusalReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the resident's own 申请说明 (prefilled when asking again)" }) note: string | null;
}

export class MemberViewDto implements MemberView {
  @ApiProperty() membershipId: number;
  @ApiProperty() userId: number;
  @ApiProperty() nickname: string;
  @ApiProperty({ nullable: true, type: String, description: 'masked unless the caller is the responsible officer' }) phone: string | null;
  @ApiProperty({ enum: MemberType }) memberType: MemberType;
  @ApiProperty({ enum: MembershipStatus }) status: MembershipStatus;
  @ApiProperty() isInformant: boolean;
  @ApiProperty({ nullable: true, type: String }) joinedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: '申请说明 of a pending request, for who decides on it (each read audited); null otherwise' }) note: string | null;
}

export class MemberPageDto extends PageOf(MemberViewDto) implements MemberPage {
  @ApiProperty({ description: 'the caller is the responsible officer and may reveal phone numbers one at a time' }) canRevealPhone: boolean;
}

export class MembersQueryDto extends PageQueryDto {
  @OptionalEnum(MembershipStatus)
  status?: MembershipStatus;
}

export class MemberPhoneDto implements MemberPhoneView {
  @ApiProperty() membershipId: number;
  @ApiProperty({ nullable: true, type: String, example: '13800000001' }) phone: string | null;
}

export class CommunityInviteViewDto implements CommunityInviteView {
  @ApiProperty({ example: 'HF3K7Q9M' }) code: string;
  @ApiProperty() communityId: number;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'scene for the mini-program code (getwxacodeunlimit)', example: 'c=HF3K7Q9M' }) scene: string;
}

export class OrgUnitViewDto implements OrgUnitView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OrgLevel }) level: OrgLevel;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty() path: string;
}

export class CommunityHandoverViewDto implements CommunityHandoverView {
  @ApiProperty() id: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: the community had no officer' }) fromOfficer: string | null;
  @ApiProperty() toOfficer: string;
  @ApiProperty({ description: 'the leader who handed it over' }) by: string;
  @ApiProperty() reason: string;
}

export class OfficerOptionDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}


export class PoliceGroupViewDto implements PoliceGroupView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: GroupKind }) kind: GroupKind;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) communityId: number | null;
  @ApiProperty() stationId: number;
  @ApiProperty({ nullable: true, type: Number, description: 'officer (community group) or deputy chief (enterprise group)' }) ownerId: number | null;
  @ApiProperty() enterpriseCount: number;
  @ApiProperty({ description: 'bound to its real WeChat group (openGId)' }) boundToWechat: boolean;
}
