import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { RateLimit } from '../common/rate-limit';
import { IdParamPipe } from '../common/id-param.pipe';
import { PageQueryDto } from '../common/paging';
import type { AuthedRequest, Caller } from '../common/request-context';
import { Authenticated, CurrentCaller, Public } from './authenticated.decorator';
import {
  AcceptStaffInvitationDto, ClaimStaffInvitationDto, DemoUserDto, DevLoginDto, LoginResponseDto, RefreshDto, StaffInvitationDto,
  StaffInvitationItemDto, StaffInvitationPageDto, StaffInvitationViewDto, UserViewDto, WechatLoginDto,
} from './dto/auth.dto';
import { ClientInfo, IdentityService } from './identity.service';
import { StaffInvitationService } from './staff-invitation.service';

const clientOf = (req: AuthedRequest): ClientInfo => ({ ip: req.ip ?? null, requestId: req.id ? String(req.id) : null });

/** Sign-in attempts per minute per client address. */
const LOGIN_LIMIT_PER_MINUTE = 10;

@ApiTags('identity 身份')
@Controller()
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    private readonly staffInvitations: StaffInvitationService,
  ) {}

  @Post('auth/wechat')
  @HttpCode(200)
  @Public()
  @RateLimit(LOGIN_LIMIT_PER_MINUTE)
  @ApiOperation({ summary: '微信登录: wx.login code → tokens (new WeChat users register as residents)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(ErrorCode.WechatCodeInvalid, ErrorCode.WechatUserBlocked, ErrorCode.WechatUnavailable, ErrorCode.RateLimited)
  wechatLogin(@Body() dto: WechatLoginDto, @Req() req: AuthedRequest): Promise<LoginResponseDto> {
    return this.identity.wechatLogin(dto.code, clientOf(req));
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @Public()
  @RateLimit(LOGIN_LIMIT_PER_MINUTE)
  @ApiOperation({ summary: 'Rotate the refresh token; reuse of a rotated token signs out every device of the family' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(ErrorCode.RefreshTokenInvalid, ErrorCode.RefreshTokenReused, ErrorCode.RateLimited)
  refresh(@Body() dto: RefreshDto, @Req() req: AuthedRequest): Promise<LoginResponseDto> {
    return this.identity.refresh(dto.refreshToken, clientOf(req));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Revoke the refresh token (and its family)' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.identity.logout(dto.refreshToken);
  }

  @Get('auth/demo-users')
  @Public()
  @ApiOperation({ summary: 'Demo mode only: the demo accounts for the h5 role switcher' })
  @ApiOkResponse({ type: [DemoUserDto] })
  @ApiErrors(ErrorCode.DemoDisabled)
  demoUsers(): Promise<DemoUserDto[]> {
    return this.identity.demoUsers();
  }

  @Post('auth/dev-login')
  @HttpCode(200)
  @Public()
  @RateLimit(60)
  @ApiOperation({ summary: 'Demo mode only: sign in as a demo account' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(ErrorCode.DemoDisabled, ErrorCode.DemoUserNotFound, ErrorCode.RateLimited)
  devLogin(@Body() dto: DevLoginDto, @Req() req: AuthedRequest): Promise<LoginResponseDto> {
    return this.identity.devLogin(dto.username, clientOf(req));
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in caller' })
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentCaller() caller: Caller): Promise<UserViewDto> {
    return this.identity.me(caller);
  }

  @Post('staff-invitations')
  @Authenticated({ permission: Permission.StaffInvitationCreate })
  @RateLimit(30)
  @ApiOperation({ summary: 'Invite a police officer, mediator or department staff member (single use, expiring)' })
  @ApiOkResponse({ type: StaffInvitationViewDto })
  @ApiErrors(ErrorCode.InviteRoleNotAllowed, ErrorCode.NotFound, ErrorCode.RateLimited)
  createStaffInvitation(@CurrentCaller() caller: Caller, @Body() dto: StaffInvitationDto): Promise<StaffInvitationViewDto> {
    return this.staffInvitations.create(caller, dto);
  }

  @Get('staff-invitations')
  @Authenticated({ permission: Permission.StaffInvitationCreate })
  @ApiOperation({ summary: 'Staff invitations to units of the caller\'s jurisdiction, newest first, with their status (never the token)' })
  @ApiOkResponse({ type: StaffInvitationPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  listStaffInvitations(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<StaffInvitationPageDto> {
    return this.staffInvitations.list(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('staff-invitations/:id/revoke')
  @HttpCode(200)
  @Authenticated({ permission: Permission.StaffInvitationCreate })
  @RateLimit(30)
  @ApiOperation({ summary: '撤销 an unused staff invitation in the caller\'s jurisdiction: nobody can be enrolled with it any more' })
  @ApiOkResponse({ type: StaffInvitationItemDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.InviteUsed, ErrorCode.RateLimited)
  revokeStaffInvitation(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<StaffInvitationItemDto> {
    return this.staffInvitations.revoke(caller, id);
  }

  @Post('staff-invitations/claim')
  @HttpCode(200)
  @Authenticated()
  @RateLimit(LOGIN_LIMIT_PER_MINUTE)
  @ApiOperation({ summary: '领取邀请: the signed-in resident becomes the invited staff member; answers their new tokens' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.InviteRevoked, ErrorCode.AlreadyStaff, ErrorCode.RateLimited)
  claimStaffInvitation(@CurrentCaller() caller: Caller, @Body() dto: ClaimStaffInvitationDto): Promise<LoginResponseDto> {
    return this.staffInvitations.claim(caller, dto.token);
  }

  @Post('staff-invitations/accept')
  @HttpCode(200)
  @Public()
  @RateLimit(LOGIN_LIMIT_PER_MINUTE)
  @ApiOperation({ summary: 'Accept a staff invitation with a wx.login code: binds this WeChat account' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.InviteRevoked, ErrorCode.AlreadyStaff, ErrorCode.WechatCodeInvalid, ErrorCode.RateLimited)
  acceptStaffInvitation(@Body() dto: AcceptStaffInvitationDto, @Req() req: AuthedRequest): Promise<LoginResponseDto> {
    return this.staffInvitations.accept(dto.token, dto.code, clientOf(req));
  }
}
