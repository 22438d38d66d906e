import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { RateLimit } from '../common/rate-limit';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { CaseContactService } from './case-contact.service';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesService } from './cases.service';
import { CaseReportingService } from './case-reporting.service';
import {
  CaseActionDto, CaseDetailDto, CaseInfoDto, CaseNoteDto, CasePageDto, CaseQueueQueryDto, CreateCaseDto, RateCaseDto,
  ReporterPhoneDto, SeriousRiskDto, UnsealDto, UnsealLogPageDto, UnsealViewDto,
} from './dto/case.dto';
import { PageQueryDto } from '../common/paging';

@ApiTags('cases 上报与办理')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
    private readonly reporting: CaseReportingService,
    private readonly contact: CaseContactService,
  ) {}

  @Post()
  @Authenticated({ permission: Permission.CaseReport })
  @RateLimit(20)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'one per draft (8–64 chars); the same key and body return the same case' })
  @ApiOperation({ summary: '上报: report a dispute, hazard, lead, anomaly, service need or question' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(
    ErrorCode.IdempotencyKeyRequired, ErrorCode.IdempotencyKeyConflict, ErrorCode.NoCommunity, ErrorCode.SubcategoryInvalid,
    ErrorCode.SealNotAllowed, ErrorCode.UploadNotFound, ErrorCode.RateLimited,
  )
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCaseDto, @Headers('idempotency-key') key?: string): Promise<CaseDetailDto> {
    return this.reporting.create(caller, dto, key);
  }

  @Get('mine')
  @Authenticated()
  @ApiOperation({ summary: '我的上报: the caller’s own reports, newest first' })
  @ApiOkResponse({ type: CasePageDto })
  mine(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<CasePageDto> {
    return this.cases.mine(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get()
  @Authenticated({ permission: Permission.CaseRead })
  @ApiOperation({ summary: 'Handling queue in the caller’s jurisdiction: open cases, overdue first, then by deadline' })
  @ApiOkResponse({ type: CasePageDto })
  queue(@CurrentCaller() caller: Caller, @Query() q: CaseQueueQueryDto): Promise<CasePageDto> {
    return this.cases.queue(caller, { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
  }

  @Get('unseal-log')
  @Authenticated({ permission: Permission.UnsealLogRead })
  @ApiOperation({ summary: 'Every unseal of an informant’s identity, newest first, a page at a time (city leaders)' })
  @ApiOkResponse({ type: UnsealLogPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  unsealLog(@Query() q: PageQueryDto): Promise<UnsealLogPageDto> {
    return this.workflow.unsealLog(q.page ?? 1, q.pageSize ?? 20);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A case as the caller may see it (public timeline for residents)' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<CaseDetailDto> {
    return this.cases.detail(caller, id);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Move the case along the state machine (accept, start, resolve, reject, duplicate, transfer, confirm, reopen)' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed, ErrorCode.ReasonRequired, ErrorCode.ReopenWindowPassed, ErrorCode.Forbidden)
  act(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CaseActionDto): Promise<CaseDetailDto> {
    return this.workflow.act(caller, id, dto);
  }

  @Post(':id/notes')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: 'Officer note: public reply or internal (police only)' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  note(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CaseNoteDto): Promise<CaseDetailDto> {
    return this.workflow.addNote(caller, id, dto);
  }

  @Post(':id/info')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseReport })
  @ApiOperation({ summary: '补充信息: the reporter adds information or photos' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.UploadNotFound, ErrorCode.CaseTransitionNotAllowed)
  info(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CaseInfoDto): Promise<CaseDetailDto> {
    return this.workflow.addInfo(caller, id, dto);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseReport })
  @ApiOperation({ summary: 'Rate a closed case 1–5 with a comment (once)' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.AlreadyRated, ErrorCode.CaseTransitionNotAllowed)
  rate(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: RateCaseDto): Promise<CaseDetailDto> {
    return this.workflow.rate(caller, id, dto);
  }

  @Post(':id/serious-risk')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: '严重现实危险: flag the case; station and branch leaders are alerted at once' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  seriousRisk(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: SeriousRiskDto): Promise<CaseDetailDto> {
    return this.workflow.flagSeriousRisk(caller, id, dto.note);
  }

  @Post(':id/review-cleared')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: 'Release a report held by the text safety check' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  clearReview(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<CaseDetailDto> {
    return this.workflow.clearReview(caller, id);
  }

  @Post(':id/unseal')
  @HttpCode(200)
  @Authenticated({ permission: Permission.InformantUnseal })
  @ApiOperation({ summary: 'Unseal an informant’s identity, giving a reason (station leaders; audited, listed for city leaders)' })
  @ApiOkResponse({ type: UnsealViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotSealed)
  unseal(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: UnsealDto): Promise<UnsealViewDto> {
    return this.workflow.unseal(caller, id, dto.reason);
  }

  @Post(':id/reporter-phone')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseHandle })
  @RateLimit(60)
  @ApiOperation({ summary: "查看号码: the handling officer reveals the reporter's phone number; audited as a read of personal data" })
  @ApiOkResponse({ type: ReporterPhoneDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotResponsibleOfficer, ErrorCode.RateLimited)
  reporterPhone(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<ReporterPhoneDto> {
    return this.contact.revealReporterPhone(caller, id);
  }

  @Get(':id/photos/:photoId')
  @Authenticated()
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({ summary: 'A photo of a case the caller may see' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'the image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound)
  async photo(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('photoId') photoId: string): Promise<StreamableFile> {
    const { buffer, contentType } = await this.cases.photo(caller, id, photoId);
    return new StreamableFile(buffer, { type: contentType });
  }
}
