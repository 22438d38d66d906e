import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { RateLimit } from '../common/rate-limit';
import type { Caller } from '../common/request-context';
import { CaseDetailDto } from '../cases/dto/case.dto';
import { Authenticated, CurrentCaller, Public } from '../identity/authenticated.decorator';
import { AssistDto, AssistPlanDto, GuideSearchQueryDto, ServiceMatterUpdateDto } from './service-guide.dto';
import { ServiceGuideService } from './service-guide.service';

@ApiTags('service-guide 办事指引')
@Controller()
export class ServiceGuideController {
  constructor(private readonly guide: ServiceGuideService) {}

  @Get('service-guide')
  @Public()
  // Counted per address (no sign-in here), and the residents of a district often share a
  // carrier's NAT address: the limit is for scraping, not for a neighbourhood searching at once.
  @RateLimit(600)
  @ApiOperation({ summary: '办事指引 search (no login): titles, synonyms and colloquial phrasings, ranked; empty q gives the common matters' })
  @ApiOkResponse({ description: 'ServiceGuideSearchResult' })
  search(@Query() q: GuideSearchQueryDto) {
    return this.guide.search(q.q);
  }

  @Get('service-guide/:code')
  @Public()
  @ApiOperation({ summary: 'One matter with its routes (no login)' })
  @ApiOkResponse({ description: 'ServiceMatterView' })
  @ApiErrors(ErrorCode.MatterNotFound)
  matter(@Param('code') code: string) {
    return this.guide.matter(code);
  }

  @Get('admin/service-guide')
  @Authenticated({ permission: Permission.ServiceGuideEdit })
  @ApiOperation({ summary: 'Every current matter in the guide\'s order, for the editor list (admins)' })
  @ApiOkResponse({ description: 'ServiceMatterView[]' })
  list() {
    return this.guide.list();
  }

  @Get('service-guide/:code/versions')
  @Authenticated({ permission: Permission.ServiceGuideEdit })
  @ApiOperation({ summary: 'Every version of a matter, newest first (admins)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.MatterNotFound)
  history(@Param('code') code: string) {
    return this.guide.history(code);
  }

  @Put('service-guide/:code')
  @Authenticated({ permission: Permission.ServiceGuideEdit })
  @ApiOperation({ summary: 'Edit a matter: writes a new version (admins, audited)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.MatterNotFound, ErrorCode.SubcategoryInvalid)
  update(@CurrentCaller() caller: Caller, @Param('code') code: string, @Body() dto: ServiceMatterUpdateDto) {
    return this.guide.update(caller, code, dto);
  }

  @Post('service-guide/:code/assist')
  @Authenticated({ permission: Permission.CaseReport })
  @RateLimit(20)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '请民警协助: a service case with the matter and route filled in' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.MatterNotFound, ErrorCode.NoCommunity, ErrorCode.IdempotencyKeyRequired, ErrorCode.IdempotencyKeyConflict)
  assist(@CurrentCaller() caller: Caller, @Param('code') code: string, @Body() dto: AssistDto, @Headers('idempotency-key') key?: string) {
    return this.guide.assist(caller, code, dto, key);
  }

  @Post('cases/:id/assist-plan')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: 'Hard cases: a named helper and a mode (网上帮办/窗口陪办/上门服务) on record, told to the resident' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  plan(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: AssistPlanDto) {
    return this.guide.plan(caller, id, dto);
  }

  @Get('cases/:id/assist')
  @Authenticated()
  @ApiOperation({ summary: 'The matter, route, helper and mode of a 请民警协助 case (null for other cases)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound)
  assistOf(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.guide.assistOf(caller, id);
  }
}
