import {
  DemoUser, DevLoginRequest, LoginResponse, Permission, RefreshRequest, Role, UserView, WechatLoginRequest,
  AcceptStaffInvitationRequest, ClaimStaffInvitationRequest, StaffInvitationItem, StaffInvitationRequest, StaffInvitationStatus, StaffInvitationView,
} from '@jws/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsNotEmpty, MaxLength } from 'class-validator';
import { RequiredEnum, RequiredId, RequiredText } from '../../common/validation';
import { PageOf } from '../../common/paging';

export class WechatLoginDto implements WechatLoginRequest {
  /** The code from wx.login (valid 5 minutes, single use). */
  @RequiredText(128, '0a1b2c3d4e')
  code: string;
}

export class RefreshDto implements RefreshRequest {
  @RequiredText(128)
  refreshToken: string;
}

export class DevLoginDto implements DevLoginRequest {
  @RequiredText(64, 'resident1')
  username: string;
}

export class UserViewDto implements UserView {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty() nickname: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ enum: Role, isArray: true }) roles: Role[];
  @ApiProperty({ enum: Permission, isArray: true }) permissions: Permission[];
  @ApiProperty() isInformant: boolean;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) phone: string | null;
  @ApiProperty({ nullable: true, type: Number }) orgUnitId: number | null;
  @ApiProperty({ nullable: true, type: String }) orgUnitName: string | null;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: UserViewDto }) user: UserViewDto;
}

export class DemoUserDto implements DemoUser {
  @ApiProperty({ example: 'resident1' }) username: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ example: '居民' }) roleLabel: string;
  @ApiProperty() nickname: string;
}

export class StaffInvitationDto implements StaffInvitationRequest {
  @RequiredEnum(Role, Role.CommunityOfficer)
  role: Role;
  @RequiredId()
  orgUnitId: number;
  /** Name of the person invited (stored encrypted). */
  @RequiredText(32, '王警官')
  name: string;
}

export class StaffInvitationViewDto implements StaffInvitationView {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'single-use token; share it with the invitee only' }) token: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty() orgUnitId: number;
  @ApiProperty() expiresAt: string;
}

export class AcceptStaffInvitationDto implements AcceptStaffInvitationRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128)
  token: string;
  @RequiredText(128)
  code: string;
}

export class ClaimStaffInvitationDto implements ClaimStaffInvitationRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128)
  token: string;
}

export class StaffInvitationItemDto implements StaffInvitationItem {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'the name the inviter typed' }) inviteeName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty() orgUnitId: number;
  @ApiProperty() orgUnitName: string;
  @ApiProperty({ enum: ['pending', 'used', 'expired', 'revoked'] }) status: StaffInvitationStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) usedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class StaffInvitationPageDto extends PageOf(StaffInvitationItemDto) {}
