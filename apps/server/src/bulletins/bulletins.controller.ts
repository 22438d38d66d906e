import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { BulletinFiguresService } from './bulletin-figures.service';
import { BulletinPushesService } from './bulletin-pushes.service';
import { BulletinsService } from './bulletins.service';
import {
  BulletinContentDto, BulletinDetailDto, BulletinFiguresDto, PushFiguresDto, PushFiguresQueryDto, BulletinFeedPageDto, BulletinListQueryDto, BulletinSummaryPageDto, FeedQueryDto, PushBulletinDto,
  CancelPushResponseDto, PushBulletinResponseDto, PushGroupViewDto, ReadResponseDto, ReviewBulletinDto, UsefulResponseDto, WithdrawBulletinDto,
} from './dto/bulletin.dto';

/** 公告: 法治宣传, 预警, 辟谣 and 正气, reviewed and pushed into the groups (docs/bulletins.md). */
@ApiTags('bulletins 公告')
@Controller('bulletins')
export class BulletinsController {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly pushes: BulletinPushesService,
    private readonly figures: BulletinFiguresService,
  ) {}

  @Get('feed')
  @Authenticated()
  @ApiOperation({ summary: "The signed-in person's bulletins from their groups, newest first (首页); withdrawn ones leave it; `kind` filters" })
  @ApiOkResponse({ type: BulletinFeedPageDto })
  feed(@CurrentCaller() caller: Caller, @Query() q: FeedQueryDto): Promise<BulletinFeedPageDto> {
    return this.pushes.feed(caller, q.kind, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get()
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({
    summary: 'Staff lists in the caller’s scope: `status=approved` (default) what the caller may push; `status=pending_review` the review ' +
      'queue (oldest first, with submittedAt for its age); `mine=true` the caller’s own (any status, or the one given)',
  })
  @ApiOkResponse({ type: BulletinSummaryPageDto })
  list(@CurrentCaller() caller: Caller, @Query() q: BulletinListQueryDto): Promise<BulletinSummaryPageDto> {
    return this.pushes.list(caller, { status: q.status, mine: q.mine === 'true' }, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('push-groups')
  @Authenticated({ permission: Permission.BulletinPush })
  @ApiOperation({ summary: 'The groups the caller may push to, with today’s pushes and the daily quota' })
  @ApiOkResponse({ type: [PushGroupViewDto] })
  pushGroups(@CurrentCaller() caller: Caller): Promise<PushGroupViewDto[]> {
    return this.pushes.pushGroups(caller);
  }

  @Get('push-figures')
  @Authenticated({ permission: Permission.BulletinPush })
  @ApiOperation({
    summary: 'Pushes × groups into the caller’s groups on China days from..to (default: the last 30): 法治宣传, 提醒告知 (预警 and 辟谣) ' +
      'and 正气, in all and by officer (docs/bulletins.md)',
  })
  @ApiOkResponse({ type: PushFiguresDto })
  pushFigures(@CurrentCaller() caller: Caller, @Query() q: PushFiguresQueryDto): Promise<PushFiguresDto> {
    return this.figures.pushCounts(caller, q.from, q.to);
  }

  @Post()
  @Authenticated({ permission: Permission.BulletinWrite })
  @ApiOperation({ summary: 'Write a bulletin (a draft, version 1) of a kind the caller’s role writes, into the caller’s org unit' })
  @ApiCreatedResponse({ type: BulletinDetailDto })
  @ApiErrors(ErrorCode.BulletinKindNotAllowed)
  create(@CurrentCaller() caller: Caller, @Body() dto: BulletinContentDto): Promise<BulletinDetailDto> {
    return this.bulletins.create(caller, dto);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A bulletin: its author, reviewer, pushing police, leaders, and members of a group it was pushed to; withdrawn shows 已撤回' })
  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<BulletinDetailDto> {
    return this.bulletins.detail(caller, id);
  }

  @Get(':id/figures')
  @Authenticated()
  @ApiOperation({ summary: 'Staff who may read it: per group it went to, members reached, unique readers, read rate and 有用' })
  @ApiOkResponse({ type: BulletinFiguresDto })
  @ApiErrors(ErrorCode.NotFound)
  figuresOf(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<BulletinFiguresDto> {
    return this.figures.ofBulletin(caller, id);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BulletinWrite })
  @ApiOperation({ summary: 'Edit (the author): a new version; an approved bulletin goes back to draft for review; pushed versions never change' })
  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinNotEditable, ErrorCode.BulletinKindNotAllowed)
  update(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: BulletinContentDto): Promise<BulletinDetailDto> {
    return this.bulletins.update(caller, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BulletinWrite })
  @ApiOperation({ summary: '提交审核 (the author): to the kind’s reviewer, or approved at once when the kind needs none' })
  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinStateInvalid)
  submit(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<BulletinDetailDto> {
    return this.bulletins.submit(caller, id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BulletinReview })
  @ApiOperation({ summary: '审核: approve, or return with a comment (the kind’s reviewer of the author’s branch or the city); audited' })
  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinStateInvalid)
  review(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: ReviewBulletinDto): Promise<BulletinDetailDto> {
    return this.bulletins.review(caller, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '撤回 with a reason (the author, or a leader over it): it leaves every feed, old links show 已撤回; audited' })
  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinStateInvalid)
  withdraw(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: WithdrawBulletinDto): Promise<BulletinDetailDto> {
    return this.bulletins.withdraw(caller, id, dto.reason);
  }

  @Post(':id/pushes')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BulletinPush })
  @ApiOperation({
    summary: 'Push an approved bulletin into groups (at most 2 a China-time day per group), answering per group: pushed, scheduled (`at`), ' +
      'over_quota (with nextSlotAt), already_pushed or not_found (outside the caller’s jurisdiction, audited). None in scope: 404; ' +
      'none taken because all are full: 429 PUSH_QUOTA_EXCEEDED naming the group and its next slot',
  })
  @ApiOkResponse({ type: PushBulletinResponseDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinNotPushable, ErrorCode.BulletinAlreadyPushed, ErrorCode.PushQuotaExceeded, ErrorCode.PushTimeInvalid)
  push(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: PushBulletinDto): Promise<PushBulletinResponseDto> {
    return this.pushes.push(caller, id, dto);
  }

  @Delete(':id/pushes/:groupId')
  @Authenticated({ permission: Permission.BulletinPush })
  @ApiOperation({ summary: 'Cancel a scheduled push (定时推送) into a group before its time; its slot is free again. Audited' })
  @ApiOkResponse({ type: CancelPushResponseDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinStateInvalid)
  cancelPush(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('groupId', IdParamPipe) groupId: number): Promise<CancelPushResponseDto> {
    return this.pushes.cancelScheduled(caller, id, groupId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Mark read (the feed’s unread mark goes)' })
  @ApiOkResponse({ type: ReadResponseDto })
  @ApiErrors(ErrorCode.NotFound)
  read(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<ReadResponseDto> {
    return this.bulletins.markRead(caller, id);
  }

  @Post(':id/useful')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '有用: one per person (again changes nothing); answers the count' })
  @ApiOkResponse({ type: UsefulResponseDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinStateInvalid)
  useful(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<UsefulResponseDto> {
    return this.bulletins.markUseful(caller, id);
  }
}
