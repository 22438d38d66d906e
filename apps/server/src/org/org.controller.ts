import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { RateLimit } from '../common/rate-limit';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import {
  CommunityHandoverViewDto, CommunityInviteViewDto, HandoverDto, InformantDto, JoinByCodeDto, JoinRequestDto,
  MemberPageDto, MemberPhoneDto, MembersQueryDto, MembershipViewDto, MemberViewDto, OfficerOptionDto, OrgUnitViewDto, PoliceGroupViewDto, CommunityPageDto, RefuseMembershipDto, CommunitySearchDto, MyStationDto, WorkbenchCommunityDto, WorkbenchCommunityPageDto,
  WorkbenchCommunitySearchDto, WorkbenchUnitDto, WorkbenchUnitsQueryDto,
} from './dto/org.dto';
import { CommunitiesService } from './communities.service';
import { HandoverService } from './handover.service';
import { InvitesService } from './invites.service';
import { MembersService } from './members.service';
import { MembershipsService } from './memberships.service';

@ApiTags('org 辖区与社区')
@Controller()
export class OrgController {
  constructor(
    private readonly communities: CommunitiesService,
    private readonly memberships: MembershipsService,
    private readonly memberList: MembersService,
    private readonly invites: InvitesService,
    private readonly handovers: HandoverService,
  ) {}

  @Get('communities/directory')
  @Authenticated()
  @ApiOperation({ summary: "A page of the communities a resident can ask to join (public facts only); `q` searches community and station names" })
  @ApiOkResponse({ type: CommunityPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  directory(@Query() q: CommunitySearchDto): Promise<CommunityPageDto> {
    return this.communities.directory(q);
  }

  @Get('me/memberships')
  @Authenticated()
  @ApiOperation({ summary: "The caller's community memberships, with the community officer of active ones and the reason of refused requests" })
  @ApiOkResponse({ type: [MembershipViewDto] })
  myMemberships(@CurrentCaller() caller: Caller): Promise<MembershipViewDto[]> {
    return this.memberships.myMemberships(caller);
  }

  @Get('me/station')
  @Authenticated()
  @ApiOperation({ summary: "办事指引: the caller's own 派出所 (of their community, or their unit) with its address and phone; null when none" })
  @ApiOkResponse({ type: MyStationDto })
  async myStation(@CurrentCaller() caller: Caller): Promise<MyStationDto> {
    return { station: await this.communities.myStation(caller) };
  }

  @Post('communities/join-by-code')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CommunityJoin })
  @RateLimit(10)
  @ApiOperation({ summary: "Join a community with the officer's invite code (from a mini-program code scene or typed in)" })
  @ApiOkResponse({ type: MembershipViewDto })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteExpired, ErrorCode.AlreadyMember, ErrorCode.RateLimited)
  joinByCode(@CurrentCaller() caller: Caller, @Body() dto: JoinByCodeDto): Promise<MembershipViewDto> {
    return this.memberships.joinByCode(caller, dto.code, dto.memberType);
  }

  @Post('communities/:id/join-requests')
  @Authenticated({ permission: Permission.CommunityJoin })
  @RateLimit(10)
  @ApiOperation({
    summary: 'Ask to join a community (again after a refusal: the request is pending once more); its officer decides',
    description: '`note` (申请说明, up to 200 characters) is for who decides; asking again without it keeps the previous one.',
  })
  @ApiOkResponse({ type: MembershipViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.AlreadyMember, ErrorCode.ValidationFailed, ErrorCode.RateLimited)
  requestJoin(
    @CurrentCaller() caller: Caller,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: JoinRequestDto,
  ): Promise<MembershipViewDto> {
    return this.memberships.requestJoin(caller, id, dto.memberType, dto.note);
  }

  @Get('workbench/communities')
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({ summary: "工作台: one page of the communities in the caller's jurisdiction with member and pending counts; `q` searches names" })
  @ApiOkResponse({ type: WorkbenchCommunityPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  workbenchCommunities(@CurrentCaller() caller: Caller, @Query() q: WorkbenchCommunitySearchDto): Promise<WorkbenchCommunityPageDto> {
    return this.communities.workbenchCommunities(caller, q);
  }

  @Get('workbench/units')
  @Authenticated({ permission: Permission.OrgRead })
  @ApiOperation({
    summary: '工作台 drill-down (leaders): the branches or stations under a unit of the jurisdiction, with community and 待审核 counts',
    description: 'Empty below stations (list the communities with GET workbench/communities?under=<station id>) and for officers.',
  })
  @ApiOkResponse({ type: [WorkbenchUnitDto] })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.ValidationFailed)
  workbenchUnits(@CurrentCaller() caller: Caller, @Query() q: WorkbenchUnitsQueryDto): Promise<WorkbenchUnitDto[]> {
    return this.communities.workbenchUnits(caller, q.parentId);
  }

  @Get('workbench/communities/:id')
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({ summary: "工作台 → one community in the caller's jurisdiction: its name, officer and counts (404 outside it)" })
  @ApiOkResponse({ type: WorkbenchCommunityDto })
  @ApiErrors(ErrorCode.NotFound)
  workbenchCommunity(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<WorkbenchCommunityDto> {
    return this.communities.workbenchCommunity(caller, id);
  }

  @Get('communities/:id/members')
  @Authenticated({ permission: Permission.CommunityMembersRead })
  @ApiOperation({
    summary: 'One page of the members of a community in scope (active and pending unless `status` says), phone numbers masked',
    description: '`canRevealPhone`: the caller is the responsible officer and may reveal one number at a time (POST …/members/:membershipId/phone).',
  })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.ValidationFailed)
  members(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Query() q: MembersQueryDto): Promise<MemberPageDto> {
    return this.memberList.members(caller, id, { statuses: q.status ? [q.status] : undefined, page: q.page, pageSize: q.pageSize });
  }

  @Post('communities/:id/members/:membershipId/phone')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CommunityMembersRead })
  @RateLimit(60)
  @ApiOperation({ summary: "查看号码: the responsible officer reveals one member's phone number; audited as a read of that member's personal data" })
  @ApiOkResponse({ type: MemberPhoneDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotResponsibleOfficer, ErrorCode.RateLimited)
  revealPhone(
    @CurrentCaller() caller: Caller,
    @Param('id', IdParamPipe) id: number,
    @Param('membershipId', IdParamPipe) membershipId: number,
  ): Promise<MemberPhoneDto> {
    return this.memberList.revealMemberPhone(caller, id, membershipId);
  }

  @Post('communities/:id/invites')
  @Authenticated({ permission: Permission.CommunityInviteCreate })
  @RateLimit(20)
  @ApiOperation({ summary: 'Create a resident invite code for a community in scope' })
  @ApiOkResponse({ type: CommunityInviteViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RateLimited)
  createInvite(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<CommunityInviteViewDto> {
    return this.invites.createInvite(caller, id);
  }

  @Get('communities/:id/invites')
  @Authenticated({ permission: Permission.CommunityInviteCreate })
  @ApiOperation({ summary: 'The community\'s invite codes that still work (not revoked, not expired), newest first' })
  @ApiOkResponse({ type: [CommunityInviteViewDto] })
  @ApiErrors(ErrorCode.NotFound)
  liveInvites(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<CommunityInviteViewDto[]> {
    return this.invites.liveInvites(caller, id);
  }

  @Post('communities/:id/invites/:code/revoke')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CommunityInviteCreate })
  @RateLimit(20)
  @ApiOperation({ summary: '作废 an invite code: nobody joins with it any more (members who did stay); answers the codes that still work' })
  @ApiOkResponse({ type: [CommunityInviteViewDto] })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RateLimited)
  revokeInvite(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('code') code: string): Promise<CommunityInviteViewDto[]> {
    return this.invites.revokeInvite(caller, id, code.slice(0, 16));
  }

  @Post('memberships/:id/approve')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CommunityJoinApprove })
  @ApiOperation({ summary: '通过 a pending join request; the resident is told (已加入…, opens 首页)' })
  @ApiOkResponse({ type: MemberViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.MembershipNotPending)
  approve(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<MemberViewDto> {
    return this.memberships.decideMembership(caller, id, { approve: true });
  }

  @Post('memberships/:id/refuse')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CommunityJoinApprove })
  @ApiOperation({
    summary: '拒绝 a pending join request with a reason (2–200 characters, with words: not emoji or punctuation alone) the resident is told',
    description: 'The reason is kept on the membership (the resident sees it in GET /api/me/memberships and may ask again) and in the audit entry.',
  })
  @ApiOkResponse({ type: MemberViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.MembershipNotPending)
  refuse(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: RefuseMembershipDto): Promise<MemberViewDto> {
    return this.memberships.decideMembership(caller, id, { approve: false, reason: dto.reason });
  }

  @Post('communities/:id/handover')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CommunityHandover })
  @ApiOperation({ summary: '民警交接: reassign a community to another officer of its station' })
  @ApiOkResponse({ type: WorkbenchCommunityDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.OfficerNotInStation)
  handover(
    @CurrentCaller() caller: Caller,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: HandoverDto,
  ): Promise<WorkbenchCommunityDto> {
    return this.handovers.handover(caller, id, dto.newOfficerId, dto.reason);
  }

  @Get('communities/:id/handovers')
  @Authenticated({ permission: Permission.CommunityMembersRead })
  @ApiOperation({ summary: "民警交接记录: the community's past officers (from, to, by whom, when, why), newest first" })
  @ApiOkResponse({ type: [CommunityHandoverViewDto] })
  @ApiErrors(ErrorCode.NotFound)
  handoverHistory(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<CommunityHandoverViewDto[]> {
    return this.handovers.history(caller, id);
  }

  @Post('users/:id/informant')
  @HttpCode(200)
  @Authenticated({ permission: Permission.InformantGrant })
  @ApiOperation({ summary: 'Grant or revoke the informant flag (信息员) of a resident in one of your communities' })
  @ApiOkResponse({ type: MemberViewDto })
  @ApiErrors(ErrorCode.NotFound)
  setInformant(
    @CurrentCaller() caller: Caller,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: InformantDto,
  ): Promise<MemberViewDto> {
    return this.memberList.setInformant(caller, id, dto.granted);
  }

  @Get('org/tree')
  @Authenticated({ permission: Permission.OrgRead })
  @ApiOperation({ summary: "The jurisdiction tree within the caller's scope" })
  @ApiOkResponse({ type: [OrgUnitViewDto] })
  tree(@CurrentCaller() caller: Caller): Promise<OrgUnitViewDto[]> {
    return this.communities.tree(caller);
  }

  @Get('org/groups')
  @Authenticated({ permission: Permission.OrgRead })
  @ApiOperation({ summary: '一警一群: community groups and enterprise groups in scope' })
  @ApiOkResponse({ type: [PoliceGroupViewDto] })
  groups(@CurrentCaller() caller: Caller): Promise<PoliceGroupViewDto[]> {
    return this.communities.groups(caller);
  }

  @Get('community-invites/:code/qrcode')
  @Authenticated({ permission: Permission.CommunityInviteCreate })
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'Mini-program code (PNG) that opens the join page with this invite' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'PNG image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.InviteExpired, ErrorCode.WechatUnavailable)
  async inviteQrCode(@CurrentCaller() caller: Caller, @Param('code') code: string): Promise<StreamableFile> {
    return new StreamableFile(await this.invites.inviteQrCode(caller, code));
  }

  @Get('org/stations/:id/officers')
  @Authenticated({ permission: Permission.CommunityHandover })
  @ApiOperation({ summary: 'Community officers of a station in scope (handover picker)' })
  @ApiOkResponse({ type: [OfficerOptionDto] })
  @ApiErrors(ErrorCode.NotFound)
  stationOfficers(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<OfficerOptionDto[]> {
    return this.handovers.stationOfficers(caller, id);
  }
}

