import {
  ErrorCode, LoginResponse, MediatorView, MessagePage, MessageView, OfflineSlotView, Permission, RoomDetail,
  RoomInvitationView, RoomSummary,
} from '@jws/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { RateLimit } from '../common/rate-limit';
import type { AuthedRequest, Caller } from '../common/request-context';
import { Authenticated, CurrentCaller, Public } from '../identity/authenticated.decorator';
import {
  AcceptRoomInvitationDto, CaseIdQueryDto, CaucusDto, CloseRoomDto, ConfirmAgreementDto, CreateSlotDto, DraftAgreementDto,
  HistoryQueryDto, InviteDto, JoinRoomInvitationDto, OfflineOutcomeDto, OpenRoomDto, SendMessageDto, TransferOfflineDto,
} from './dto/mediation.dto';
import { MediationService } from './mediation.service';
import { RoomChatService } from './room-chat.service';

@ApiTags('mediation 调解室')
@Controller('mediation')
export class MediationController {
  constructor(
    private readonly mediation: MediationService,
    private readonly chat: RoomChatService,
  ) {}

  @Get('mediators')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'The station roster of 警民联调员 for a dispute case in scope' })
  @ApiErrors(ErrorCode.NotFound)
  mediators(@CurrentCaller() caller: Caller, @Query() q: CaseIdQueryDto): Promise<MediatorView[]> {
    return this.mediation.mediators(caller, q.caseId);
  }

  @Post('rooms')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: '开启调解: open a room from a dispute case (the case moves to in_mediation)' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotADispute, ErrorCode.RoomAlreadyOpen, ErrorCode.CaseTransitionNotAllowed)
  open(@CurrentCaller() caller: Caller, @Body() dto: OpenRoomDto): Promise<RoomDetail> {
    return this.mediation.open(caller, dto);
  }

  @Post('requests')
  @HttpCode(204)
  @Authenticated({ permission: Permission.CaseReport })
  @ApiOperation({ summary: '申请调解: the reporter of a dispute asks the officer for a room' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotADispute)
  async request(@CurrentCaller() caller: Caller, @Body() dto: CaseIdQueryDto): Promise<void> {
    await this.mediation.request(caller, dto.caseId);
  }

  @Get('rooms/mine')
  @Authenticated()
  @ApiOperation({ summary: 'Rooms the caller is a member of (我的调解)' })
  mine(@CurrentCaller() caller: Caller): Promise<RoomSummary[]> {
    return this.mediation.mine(caller);
  }

  @Get('rooms')
  @Authenticated()
  @ApiOperation({ summary: 'Rooms of a case the caller may see' })
  @ApiErrors(ErrorCode.NotFound)
  ofCase(@CurrentCaller() caller: Caller, @Query() q: CaseIdQueryDto): Promise<RoomSummary[]> {
    return this.mediation.ofCase(caller, q.caseId);
  }

  @Get('rooms/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A room: members, caucus channels, agreement, offline booking' })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<RoomDetail> {
    return this.mediation.detail(caller, id);
  }

  @Get('rooms/:id/messages')
  @Authenticated()
  @ApiOperation({ summary: 'Older history, a page before `beforeSeq` (staff reads are audited)' })
  @ApiErrors(ErrorCode.NotFound)
  history(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Query() q: HistoryQueryDto): Promise<MessagePage> {
    return this.mediation.history(caller, id, q.beforeSeq, q.limit ?? 50);
  }

  @Post('rooms/:id/messages')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Send a message over HTTP (the socket is the usual way; same rules, same idempotency)' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly, ErrorCode.MessageTooLong, ErrorCode.MessageRejected, ErrorCode.RateLimited, ErrorCode.UploadNotFound)
  send(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: SendMessageDto): Promise<MessageView> {
    return this.chat.send(caller, id, dto);
  }

  @Post('rooms/:id/messages/:seq/recall')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Recall one of one’s own messages within 2 minutes' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RecallWindowPassed, ErrorCode.RoomReadOnly)
  recall(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('seq', IdParamPipe) seq: number): Promise<MessageView> {
    return this.chat.recall(caller, id, seq);
  }

  @Get('rooms/:id/images/:uploadId')
  @Authenticated()
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ summary: 'An image of a room message' })
  @ApiErrors(ErrorCode.NotFound)
  async image(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('uploadId') uploadId: string): Promise<StreamableFile> {
    const { buffer, contentType } = await this.chat.image(caller, id, uploadId);
    return new StreamableFile(buffer, { type: contentType });
  }

  @Post('rooms/:id/caucus')
  @Authenticated({ permission: Permission.MediationMediate })
  @ApiOperation({ summary: '背靠背: the mediator opens a private channel with one party' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly)
  caucus(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CaucusDto): Promise<RoomDetail> {
    return this.mediation.caucus(caller, id, dto.memberId);
  }

  @Post('rooms/:id/invitations')
  @Authenticated()
  @RateLimit(30)
  @ApiOperation({ summary: 'Single-use, expiring invitation for a member who is not yet a user (share card / code)' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.AlreadyMember, ErrorCode.RoomReadOnly)
  invite(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: InviteDto): Promise<RoomInvitationView> {
    return this.mediation.invite(caller, id, dto.memberId);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Public()
  @RateLimit(10)
  @ApiOperation({ summary: 'Accept a room invitation with a wx.login code: binds this WeChat account and signs in' })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.WechatCodeInvalid, ErrorCode.AlreadyMember)
  accept(@Body() dto: AcceptRoomInvitationDto, @Req() req: AuthedRequest): Promise<LoginResponse & { roomId: number }> {
    return this.mediation.accept(dto.token, dto.code, { ip: req.ip ?? null, requestId: req.id ? String(req.id) : null });
  }

  @Post('invitations/join')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Join a room from an invitation while signed in' })
  @ApiErrors(ErrorCode.InviteInvalid, ErrorCode.InviteUsed, ErrorCode.InviteExpired, ErrorCode.AlreadyMember)
  join(@CurrentCaller() caller: Caller, @Body() dto: JoinRoomInvitationDto): Promise<RoomDetail> {
    return this.mediation.join(caller, dto.token);
  }

  @Post('rooms/:id/agreement')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MediationMediate })
  @ApiOperation({ summary: 'The mediator drafts (or redrafts) the 调解协议' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly)
  draft(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: DraftAgreementDto): Promise<RoomDetail> {
    return this.mediation.draftAgreement(caller, id, dto);
  }

  @Post('rooms/:id/agreement/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'A party confirms the agreement; when all have, the room is settled and the case resolved' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.AgreementOutdated, ErrorCode.RoomReadOnly)
  confirm(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: ConfirmAgreementDto): Promise<RoomDetail> {
    return this.mediation.confirmAgreement(caller, id, dto.agreementId);
  }

  @Get('rooms/:id/agreement/document')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The agreement as a printable document' })
  @ApiErrors(ErrorCode.NotFound)
  document(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<string> {
    return this.mediation.agreementDocument(caller, id);
  }

  @Get('rooms/:id/offline-slots')
  @Authenticated()
  @ApiOperation({ summary: 'Free slots of the station’s 警民联调室' })
  @ApiErrors(ErrorCode.NotFound)
  slots(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<OfflineSlotView[]> {
    return this.mediation.freeSlots(caller, id);
  }

  @Post('offline-rooms/:id/slots')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'Open a bookable slot in one of the station’s offline rooms' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.SlotTaken)
  createSlot(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CreateSlotDto): Promise<OfflineSlotView> {
    return this.mediation.createSlot(caller, id, dto);
  }

  @Post('rooms/:id/transfer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '转线下: book a slot of the 警民联调室 (no double booking) and close the online room' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.SlotTaken, ErrorCode.RoomReadOnly)
  transfer(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: TransferOfflineDto): Promise<RoomDetail> {
    return this.mediation.transferOffline(caller, id, dto);
  }

  @Post('rooms/:id/offline-outcome')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Record the outcome of the offline meeting (settled resolves the case)' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed)
  outcome(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: OfflineOutcomeDto): Promise<RoomDetail> {
    return this.mediation.offlineOutcome(caller, id, dto);
  }

  @Post('rooms/:id/close')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '调解未成 or 撤回: close the room (read-only from then on)' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.RoomReadOnly)
  close(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CloseRoomDto): Promise<RoomDetail> {
    return this.mediation.close(caller, id, dto);
  }
}
