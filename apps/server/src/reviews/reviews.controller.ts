import { ErrorCode, FollowUpView, MajorIssueView, Permission, ReviewPacket, ReviewSchedule, ReviewView } from '@jws/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { attachment, streamDownload, XLSX_TYPE } from '../common/stream-download';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity';
import { FollowUpsService } from './follow-ups.service';
import { MajorIssuesService } from './major-issues.service';
import {
  CompleteFollowUpDto, FollowUpDto, FollowUpListQueryDto, MajorIssueDto, MajorIssueFeedbackDto, RaiseMajorIssueDto, RecordReviewDto, ReviewDto,
  ReviewNodeQueryDto, ReviewPacketDto, ReviewPacketQueryDto, ReviewScheduleDto,
} from './reviews.dto';
import { packetFilename, writePacketWorkbook } from './review-packet-xlsx';
import { ReviewPacketService } from './review-packet.service';
import { ReviewsService } from './reviews.service';

const PACKET_ERRORS = [ErrorCode.ValidationFailed, ErrorCode.ReviewNotDue, ErrorCode.NotFound];

@ApiTags('reviews 会商调度')
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly packets: ReviewPacketService,
    private readonly followUps: FollowUpsService,
    private readonly issues: MajorIssuesService,
  ) {}

  @Get('reviews')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: '会商调度: a node’s review periods (stations weekly, branches every 旬, the city monthly; the current first) and the missed reviews below it (docs/reviews.md)' })
  @ApiOkResponse({ type: ReviewScheduleDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.NotFound)
  schedule(@CurrentCaller() caller: Caller, @Query() q: ReviewNodeQueryDto): Promise<ReviewSchedule> {
    return this.reviews.schedule(caller, q.orgId);
  }

  @Get('reviews/packet')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: '研判材料: the packet of a period that has begun, prepared from data (figures, overdue, pile-ups, disputes, risks, rumours, read rates, join requests)' })
  @ApiOkResponse({ type: ReviewPacketDto })
  @ApiErrors(...PACKET_ERRORS)
  packet(@CurrentCaller() caller: Caller, @Query() q: ReviewPacketQueryDto): Promise<ReviewPacket> {
    return this.packets.packet(caller, q);
  }

  @Get('reviews/packet.xlsx')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the packet as a workbook (streamed), the node and the period in each sheet’s title' })
  @ApiOperation({ summary: 'The 研判材料 as an Excel workbook (.xlsx); the same query as GET /api/reviews/packet' })
  @ApiErrors(...PACKET_ERRORS)
  async packetXlsx(@CurrentCaller() caller: Caller, @Query() q: ReviewPacketQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const packet = await this.packets.packet(caller, q);
    const headers = { 'content-type': XLSX_TYPE, 'content-disposition': attachment('review-packet.xlsx', packetFilename(packet)) };
    await streamDownload(reply, headers, (out) => writePacketWorkbook(out, packet));
  }

  @Post('reviews')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: 'Record the review of the caller’s own unit for a period that has begun: date, attendees, summary, decisions (each a follow-up with an owner and a deadline)' })
  @ApiOkResponse({ type: ReviewDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.ReviewNotDue, ErrorCode.DecisionIncomplete, ErrorCode.ReviewAlreadyRecorded, ErrorCode.Forbidden, ErrorCode.NotFound)
  record(@CurrentCaller() caller: Caller, @Body() dto: RecordReviewDto): Promise<ReviewView> {
    return this.reviews.record(caller, dto);
  }

  @Get('reviews/:id')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: 'A recorded review with its follow-ups (its node in the caller’s jurisdiction)' })
  @ApiOkResponse({ type: ReviewDto })
  @ApiErrors(ErrorCode.NotFound)
  view(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<ReviewView> {
    return this.reviews.view(caller, id);
  }

  @Get('follow-ups/mine')
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({ summary: '我的督办事项: the review follow-ups the caller owns, open ones first' })
  @ApiOkResponse({ type: [FollowUpDto] })
  mine(@CurrentCaller() caller: Caller): Promise<FollowUpView[]> {
    return this.followUps.mine(caller);
  }

  @Post('follow-ups/:id/done')
  @HttpCode(200)
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({ summary: '办结 a follow-up one owns, saying what was done' })
  @ApiOkResponse({ type: FollowUpDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed)
  done(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CompleteFollowUpDto): Promise<FollowUpView> {
    return this.followUps.complete(caller, id, dto.note);
  }

  @Get('supervision/follow-ups')
  @Authenticated({ permission: Permission.CaseSupervise })
  @ApiOperation({ summary: '督办: the follow-ups of the reviews in the caller’s jurisdiction (open by default first; `status` filters)' })
  @ApiOkResponse({ type: [FollowUpDto] })
  @ApiErrors(ErrorCode.ValidationFailed)
  supervised(@CurrentCaller() caller: Caller, @Query() q: FollowUpListQueryDto): Promise<FollowUpView[]> {
    return this.followUps.supervised(caller, q.status);
  }

  @Get('major-issues')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: '重大问题: those of the stations in the caller’s jurisdiction and those put to the caller as the 挂点 city leader' })
  @ApiOkResponse({ type: [MajorIssueDto] })
  majorIssues(@CurrentCaller() caller: Caller): Promise<MajorIssueView[]> {
    return this.issues.list(caller);
  }

  @Post('major-issues')
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: 'A station leader raises a 重大问题 to the station’s 挂点 city leader, with the deadline of the 会商 and its feedback' })
  @ApiOkResponse({ type: MajorIssueDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.Forbidden, ErrorCode.NoLinkedLeader)
  raise(@CurrentCaller() caller: Caller, @Body() dto: RaiseMajorIssueDto): Promise<MajorIssueView> {
    return this.issues.raise(caller, dto);
  }

  @Post('major-issues/:id/feedback')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReviewHold })
  @ApiOperation({ summary: 'The 挂点 city leader’s feedback after the 会商 (once)' })
  @ApiOkResponse({ type: MajorIssueDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed)
  feedback(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: MajorIssueFeedbackDto): Promise<MajorIssueView> {
    return this.issues.answer(caller, id, dto);
  }
}
