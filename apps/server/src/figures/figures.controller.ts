import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { attachment, streamDownload, XLSX_TYPE } from '../common/stream-download';
import { ApiErrors } from '../common/api-errors.decorator';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import {
  CreatePreventionActionDto, FigureRecordPageDto, FigureTrendDto, FigureTrendQueryDto, FigureRecordsQueryDto, FiguresQueryDto, FiguresViewDto, PreventionActionDto, PreventionActionPageDto,
  PreventionListQueryDto,
} from './figures.dto';
import { workbookFilename, writeFiguresWorkbook } from './figures-xlsx';
import { FiguresService } from './figures.service';
import { PreventionService } from './prevention.service';

const PERIOD_ERRORS = [ErrorCode.ValidationFailed, ErrorCode.PeriodReversed, ErrorCode.PeriodInFuture, ErrorCode.PeriodTooLong, ErrorCode.NotFound];

@ApiTags('figures 数据')
@Controller()
export class FiguresController {
  constructor(
    private readonly figures: FiguresService,
    private readonly prevention: PreventionService,
  ) {}

  @Get('figures')
  @Authenticated({ permission: Permission.FiguresRead })
  @ApiOperation({
    summary:
      '数据: the six counters, the three rates (numerator and denominator) with the ranking of sibling nodes, and 一警一群 coverage ' +
      'of a node (default the caller’s own; an officer: their communities) for a period of China-time days; today counts live (docs/figures.md)',
  })
  @ApiOkResponse({ type: FiguresViewDto })
  @ApiErrors(...PERIOD_ERRORS)
  get(@CurrentCaller() caller: Caller, @Query() q: FiguresQueryDto): Promise<FiguresViewDto> {
    return this.figures.figures(caller, q);
  }

  @Get('figures/records')
  @Authenticated({ permission: Permission.FiguresRead })
  @ApiOperation({ summary: 'The records behind one counter of the figures, in scope, newest first, paged' })
  @ApiOkResponse({ type: FigureRecordPageDto })
  @ApiErrors(...PERIOD_ERRORS)
  records(@CurrentCaller() caller: Caller, @Query() q: FigureRecordsQueryDto): Promise<FigureRecordPageDto> {
    return this.figures.records(caller, q);
  }

  @Get('figures/trend')
  @Authenticated({ permission: Permission.FiguresRead })
  @ApiOperation({ summary: '趋势: the counters and rates of the last N days, weeks, 旬 or months of a node (the current one last, up to now), for charts' })
  @ApiOkResponse({ type: FigureTrendDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.NotFound)
  trend(@CurrentCaller() caller: Caller, @Query() q: FigureTrendQueryDto): Promise<FigureTrendDto> {
    return this.figures.trend(caller, q);
  }

  @Get('figures.xlsx')
  @Authenticated({ permission: Permission.FiguresRead })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the workbook: the figures, and one sheet per counter with its records; node and period in the titles' })
  @ApiOperation({ summary: 'The figures as an Excel workbook (.xlsx), streamed; the same query as GET /api/figures, at most a year' })
  @ApiErrors(...PERIOD_ERRORS)
  async xlsx(@CurrentCaller() caller: Caller, @Query() q: FiguresQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.figures.figures(caller, q);
    const { period, range } = this.figures.period(q.from, q.to, new Date());
    const { target } = await this.figures.scope(caller, q.orgId);
    const filename = workbookFilename(view);
    const placesRead = () => this.figures.recordPlacesRead(caller, q.orgId, `figures.xlsx ${q.from}..${q.to}`);
    const headers = { 'content-type': XLSX_TYPE, 'content-disposition': attachment('figures.xlsx', filename) };
    await streamDownload(reply, headers, (out) =>
      writeFiguresWorkbook(out, view, (counter) => this.figures.recordChunks(counter, target, period, range, placesRead)),
    );
  }

  @Post('prevention-actions')
  @Authenticated({ permission: Permission.PreventionRecord })
  @ApiOperation({ summary: '安全防范: record a 巡逻 / 走访 / 提示 with its time and place, on a hazard case or in a community of one’s jurisdiction' })
  @ApiOkResponse({ type: PreventionActionDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.PreventionTimeInvalid, ErrorCode.NotAHazard, ErrorCode.NotFound)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePreventionActionDto): Promise<PreventionActionDto> {
    return this.prevention.create(caller, dto);
  }

  @Get('prevention-actions')
  @Authenticated({ permission: Permission.FiguresRead })
  @ApiOperation({ summary: 'The prevention actions of a node of the caller’s jurisdiction (default their own), the latest done first (places are personal data: audited)' })
  @ApiOkResponse({ type: PreventionActionPageDto })
  @ApiErrors(ErrorCode.ValidationFailed, ErrorCode.NotFound)
  list(@CurrentCaller() caller: Caller, @Query() q: PreventionListQueryDto): Promise<PreventionActionPageDto> {
    return this.prevention.list(caller, q.orgId, q.page ?? 1, q.pageSize ?? 20);
  }
}
