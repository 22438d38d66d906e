import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import type { Caller } from '../common/request-context';
import { IdParamPipe } from '../common/id-param.pipe';
import { Authenticated, CurrentCaller } from '../identity';
import { OfficerRankingService } from './officer-ranking.service';
import {
  DecideRewardDto, NameOfficerDto, NamingConsentDto, OfficerHonourDto, OfficerRankingDto, OfficerRankingQueryDto, ProposeRewardDto, RewardDto, RewardListQueryDto,
  RewardPageDto,
} from './rewards.dto';
import { RewardsService } from './rewards.service';
import { PageQueryDto } from '../common/paging';

@ApiTags('rewards 激励奖励')
@Controller()
export class RewardsController {
  constructor(
    private readonly rewards: RewardsService,
    private readonly ranking: OfficerRankingService,
  ) {}

  @Post('rewards')
  @Authenticated({ permission: Permission.RewardPropose })
  @ApiOperation({ summary: '一事一奖: propose a reward for a resident’s deed — a report in one’s jurisdiction (its reporter) or a 正气 bulletin with the resident it praises; one reward per deed' })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.RewardDeedInvalid, ErrorCode.RewardDeedTaken, ErrorCode.NotFound)
  propose(@CurrentCaller() caller: Caller, @Body() dto: ProposeRewardDto): Promise<RewardDto> {
    return this.rewards.propose(caller, dto);
  }

  @Get('rewards')
  @Authenticated({ permission: Permission.RewardPropose })
  @ApiOperation({ summary: 'Rewards of the caller’s jurisdiction (leaders) or proposed by the caller (officers), the latest first; `status` filters' })
  @ApiOkResponse({ type: RewardPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  list(@CurrentCaller() caller: Caller, @Query() q: RewardListQueryDto): Promise<RewardPageDto> {
    return this.rewards.list(caller, q.status, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('rewards/mine')
  @Authenticated()
  @ApiOperation({ summary: '我的奖励: the caller’s approved rewards, with the 正气 naming consent where there is one' })
  @ApiOkResponse({ type: RewardPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  mine(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<RewardPageDto> {
    return this.rewards.mine(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('rewards/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A reward: staff who propose or decide in its place; its resident once approved' })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<RewardDto> {
    return this.rewards.detail(caller, id);
  }

  @Post('rewards/:id/decision')
  @HttpCode(200)
  @Authenticated({ permission: Permission.RewardDecide })
  @ApiOperation({ summary: '审批: the station leader approves (the resident is told) or refuses with a reason (the deed may be proposed again)' })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.ReasonRequired, ErrorCode.RewardDecided, ErrorCode.RewardDeedInvalid, ErrorCode.NotFound)
  decide(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: DecideRewardDto): Promise<RewardDto> {
    return this.rewards.decide(caller, id, dto);
  }

  @Post('rewards/:id/naming')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'The resident agrees (or not) to be named in the 正气 bulletin of their reward; until they agree it reads 某居民' })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.NamingNotOffered, ErrorCode.NotFound)
  naming(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: NamingConsentDto): Promise<RewardDto> {
    return this.rewards.consent(caller, id, dto.agree);
  }

  @Get('officer-ranking')
  @Authenticated({ permission: Permission.FiguresRead })
  @ApiOperation({ summary: '成绩突出社区民警: the month’s ranking of the community officers under a node (leaders; default their own unit) by response time, 解决率, 满意率, pushes and rewards proposed' })
  @ApiOkResponse({ type: OfficerRankingDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.PeriodInFuture, ErrorCode.NotFound)
  officerRanking(@CurrentCaller() caller: Caller, @Query() q: OfficerRankingQueryDto): Promise<OfficerRankingDto> {
    return this.ranking.ranking(caller, q);
  }

  @Post('officer-honours')
  @Authenticated({ permission: Permission.OfficerHonourName })
  @ApiOperation({ summary: 'A branch leader names an officer of the branch 成绩突出社区民警 for a month that is over (once per officer and month); the title shows on the officer card' })
  @ApiOkResponse({ type: OfficerHonourDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.HonourMonthInvalid, ErrorCode.HonourExists, ErrorCode.NotFound)
  name(@CurrentCaller() caller: Caller, @Body() dto: NameOfficerDto): Promise<OfficerHonourDto> {
    return this.ranking.name(caller, dto);
  }
}
