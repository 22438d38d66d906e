import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { RateLimit } from '../common/rate-limit';
import type { AuthedRequest, Caller } from '../common/request-context';
import { Authenticated, CurrentCaller, Public } from '../identity/authenticated.decorator';
import {
  AcceptRoomInvitationDto, CaseIdQueryDto, CaucusDto, CloseRoomDto, ConfirmAgreementDto, DraftAgreementDto,
  HistoryQueryDto, InviteDto, JoinRoomInvitationDto, MarkRoomReadDto, OpenRoomDto, SendMessageDto,
} from './dto/mediation.dto';
import {
  AgreementDocumentViewDto, MediatorViewDto, MessagePageDto, MessageViewDto, RoomDetailDto, RoomInvitationViewDto, RoomLoginResponseDto, RoomSummaryDto, RoomSummaryPageDto,
} from './dto/mediation-views.dto';
import { AgreementsService } from './agreements.service';
import { MediationService } from './mediation.service';
import { RoomChatService } from './room-chat.service';
import { RoomInvitationsService } from './room-invitations.service';
import { PageQueryDto } from '../common/paging';

@ApiTags('mediation 调解室')
@Controller('mediation')
export class MediationController {
  constructor(
    private readonly mediation: MediationService,
    private readonly agreements: AgreementsService,
    private readonly invitations: RoomInvitationsService,
    private readonly chat: RoomChatService,
  ) {}

  @Get('mediators')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'The station roster of 警民联调员 for a dispute case in scope' })
  @ApiOkResponse({ type: [MediatorViewDto] })
  @ApiErrors(ErrorCode.NotFound)
  mediators(@CurrentCaller() caller: Caller, @Query() q: CaseIdQueryDto): Promise<MediatorViewDto[]> {
    return this.mediation.mediators(caller, q.caseId);
  }

  @Post('rooms')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: '开启调解: open a room from a dispute case (the case moves to in_mediation)' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotADispute, ErrorCode.RoomAlreadyOpen, ErrorCode.CaseTransitionNotAllowed)
  open(@CurrentCaller() caller: Caller, @Body() dto: OpenRoomDto): Promise<RoomDetailDto> {
    return this.mediation.open(caller, dto);
  }

  @Post('requests')
  @HttpCode(204)
  @Authenticated({ permission: Permission.CaseReport })
  @ApiOperation({ summary: '申请调解: the reporter of a dispute asks the officer for a room' })
  @ApiNoContentResponse({ description: 'the officer has been told' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotADispute)
  async request(@CurrentCaller() caller: Caller, @Body() dto: CaseIdQueryDto): Promise<void> {
    await this.mediation.request(caller, dto.caseId);
  }

  @Get('rooms/mine')
  @Authenticated()
  @ApiOperation({ summary: 'Rooms the caller is a member of (我的调解), open ones first, then newest, a page at a time' })
  @ApiOkResponse({ type: RoomSummaryPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  mine(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<RoomSummaryPageDto> {
    return this.mediation.mine(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('rooms')
  @Authenticated()
  @ApiOperation({ summary: 'Rooms of a case the caller may see' })
  @ApiOkResponse({ type: [RoomSummaryDto] })
  @ApiErrors(ErrorCode.NotFound)
  ofCase(@CurrentCaller() caller: Caller, @Query() q: CaseIdQueryDto): Promise<RoomSummaryDto[]> {
    return this.mediation.ofCase(caller, q.caseId);
  }

  @Get('rooms/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A room: members, caucus channels, agreement, offline booking' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<RoomDetailDto> {
    return this.mediation.detail(caller, id);
  }

  @Get('rooms/:id/messages')
  @Authenticated()
  @ApiOperation({ summary: 'Older history, a page before `beforeSeq` (staff reads are audited)' })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiErrors(ErrorCode.NotFound)
  history(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Query() q: HistoryQueryDto): Promise<MessagePageDto> {
    return this.mediation.history(caller, id, q.beforeSeq, q.limit ?? 50);
  }

  @Post('rooms/:id/messages')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Send a message over HTTP (the socket is the usual way; same rules, same idempotency)' })
  @ApiOkResponse({ type: MessageViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly, ErrorCode.MessageTooLong, ErrorCode.MessageRejected, ErrorCode.RateLimited, ErrorCode.UploadNotFound)
  send(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: SendMessageDto): Promise<MessageViewDto> {
    return this.chat.send(caller, id, dto);
  }

  @Post('rooms/:id/read')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'The caller has seen a channel up to `seq`: its unread count in the room’s detail starts after it' })
  @ApiNoContentResponse({ description: 'read position stored (it only moves forward)' })
  @ApiErrors(ErrorCode.NotFound)
  async markRead(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: MarkRoomReadDto): Promise<void> {
    await this.mediation.markRead(caller, id, dto.seq);
  }

  @Post('rooms/:id/messages/:seq/recall')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Recall one of one’s own messages within 2 minutes' })
  @ApiOkResponse({ type: MessageViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RecallWindowPassed, ErrorCode.RoomReadOnly)
  recall(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('seq', IdParamPipe) seq: number): Promise<MessageViewDto> {
    return this.chat.recall(caller, id, seq);
  }

  @Get('rooms/:id/images/:uploadId')
  @Authenticated()
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ summary: 'An image of a room message' })
  @ApiOkResponse({ description: 'the image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound)
  async image(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('uploadId') uploadId: string): Promise<StreamableFile> {
    const { buffer, contentType } = await this.chat.image(caller, id, uploadId);
    return new StreamableFile(buffer, { type: contentType });
  }

  @Post('rooms/:id/caucus')
  @Authenticated({ permission: Permission.MediationMediate })
  @ApiOperation({ summary: '背靠背: the mediator opens a private channel with one party' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly)
  caucus(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CaucusDto): Promise<RoomDetailDto> {
    return this.mediation.caucus(caller, id, dto.memberId);
  }

  @Post('rooms/:id/invitations')
  @Authenticated()
  @RateLimit(30)
  @ApiOperation({ summary: 'Single-use, expiring invitation for a member who is not yet a user (share card / code)' })
  @ApiOkResponse({ type: RoomInvitationViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.AlreadyMember, ErrorCode.RoomReadOnly)
  invite(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: InviteDto): Promise<RoomInvitationViewDto> {
    return this.invitations.invite(caller, id, dto.memberId);
  }

  @Post('rooms/:id/invitations/code')
  @HttpCode(200)
  @Authenticated()
  @RateLimit(30)
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'The mini-program code (小程序码) of an invitation: scanning it opens the room page with the token' })
  @ApiOkResponse({ description: 'PNG', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.WechatUnavailable)
  async invitationCode(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: JoinRoomInvitationDto): Promise<StreamableFile> {
    return new StreamableFile(await this.invitations.invitationCode(caller, id, dto.token), { type: 'image/png' });
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Public()
  @RateLimit(10)
  @ApiOperation({ summary: 'Accept a room invitation with a wx.login code: binds this WeChat account and signs in' })
  @ApiOkResponse({ type: RoomLoginResponseDto })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.WechatCodeInvalid, ErrorCode.AlreadyMember)
  accept(@Body() dto: AcceptRoomInvitationDto, @Req() req: AuthedRequest): Promise<RoomLoginResponseDto> {
    return this.invitations.accept(dto.token, dto.code, { ip: req.ip ?? null, requestId: req.id ? String(req.id) : null });
  }

  @Post('invitations/join')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Join a room from an invitation while signed in' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.AlreadyMember)
  join(@CurrentCaller() caller: Caller, @Body() dto: JoinRoomInvitationDto): Promise<RoomDetailDto> {
    return this.invitations.join(caller, dto.token);
  }

  @Post('rooms/:id/agreement')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MediationMediate })
  @ApiOperation({ summary: 'The mediator drafts (or redrafts) the 调解协议' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly)
  draft(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: DraftAgreementDto): Promise<RoomDetailDto> {
    return this.agreements.draftAgreement(caller, id, dto);
  }

  @Post('rooms/:id/agreement/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'A party confirms the agreement; when all have, the room is settled and the case resolved' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.AgreementOutdated, ErrorCode.RoomReadOnly)
  confirm(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: ConfirmAgreementDto): Promise<RoomDetailDto> {
    return this.agreements.confirmAgreement(caller, id, dto.agreementId);
  }

  @Get('rooms/:id/agreement/print')
  @Authenticated()
  @ApiOperation({ summary: '调解协议书: the agreement as a formal document (parties, matter, terms, 履行期限, confirmations, mediator, station)' })
  @ApiOkResponse({ type: AgreementDocumentViewDto })
  @ApiErrors(ErrorCode.NotFound)
  printable(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<AgreementDocumentViewDto> {
    return this.agreements.printable(caller, id);
  }

  @Get('rooms/:id/agreement/document')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The agreement as a printable document' })
  @ApiOkResponse({ description: 'HTML document' })
  @ApiErrors(ErrorCode.NotFound)
  document(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<string> {
    return this.agreements.agreementDocument(caller, id);
  }

  @Post('rooms/:id/close')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '调解未成 or 撤回: close the room (read-only from then on)' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly)
  close(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CloseRoomDto): Promise<RoomDetailDto> {
    return this.mediation.close(caller, id, dto);
  }
}
