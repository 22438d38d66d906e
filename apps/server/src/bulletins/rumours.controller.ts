import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Header, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { CreateRumourReportDto, LinkRumoursDto, RumourGroupDto, RumourListQueryDto, RumourReportDetailDto, RumourReportPageDto, RumourReportViewDto } from './dto/rumour.dto';
import { RumoursService } from './rumours.service';

/** 传言 (rumour reports) and their 辟谣 (docs/bulletins.md "Rumours"). */
@ApiTags('bulletins 公告')
@Controller()
export class RumoursController {
  constructor(private readonly rumours: RumoursService) {}

  @Post('rumours')
  @Authenticated()
  @ApiOperation({ summary: '报告传言: its text, the group where it was seen (one of the caller’s groups, or police: of their jurisdiction), where else, a screenshot; audited' })
  @ApiCreatedResponse({ type: RumourReportViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.UploadNotFound)
  report(@CurrentCaller() caller: Caller, @Body() dto: CreateRumourReportDto): Promise<RumourReportViewDto> {
    return this.rumours.report(caller, dto);
  }

  @Get('rumours/mine')
  @Authenticated()
  @ApiOperation({ summary: '我的传言报告: the caller’s reports, newest first, each 待核实 or 已辟谣 with its 辟谣' })
  @ApiOkResponse({ type: RumourReportPageDto })
  mine(@CurrentCaller() caller: Caller, @Query() q: RumourListQueryDto): Promise<RumourReportPageDto> {
    return this.rumours.mine(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('rumours/groups')
  @Authenticated()
  @ApiOperation({ summary: 'The groups the caller may report a rumour in: their own groups, and for police their jurisdiction’s' })
  @ApiOkResponse({ type: [RumourGroupDto] })
  groups(@CurrentCaller() caller: Caller): Promise<RumourGroupDto[]> {
    return this.rumours.reportGroups(caller);
  }

  @Get('rumours')
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({ summary: 'Rumour reports of the caller’s scope (police: their groups; department staff and the 法治部门: their unit’s), newest first; no reporter named' })
  @ApiOkResponse({ type: RumourReportPageDto })
  list(@CurrentCaller() caller: Caller, @Query() q: RumourListQueryDto): Promise<RumourReportPageDto> {
    return this.rumours.list(caller, q.status, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('rumours/:id')
  @Authenticated()
  @ApiOperation({ summary: 'One report: its reporter, or staff over its group; the reporter’s name and masked phone for the group’s responsible officer only (audited)' })
  @ApiOkResponse({ type: RumourReportDetailDto })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<RumourReportDetailDto> {
    return this.rumours.detail(caller, id);
  }

  @Get('rumours/:id/screenshot')
  @Authenticated()
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({ summary: 'A report’s screenshot, for whoever may read the report' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'the image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound)
  async screenshot(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<StreamableFile> {
    const { buffer, contentType } = await this.rumours.screenshot(caller, id);
    return new StreamableFile(buffer, { type: contentType });
  }

  @Put('bulletins/:id/rumours')
  @Authenticated({ permission: Permission.BulletinWrite })
  @ApiOperation({ summary: 'A 辟谣 links exactly these rumour reports (its author, as a draft or returned; reports of the author’s scope); audited' })
  @ApiOkResponse({ type: [RumourReportViewDto] })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinNotEditable, ErrorCode.RumourAlreadyLinked)
  link(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: LinkRumoursDto): Promise<RumourReportViewDto[]> {
    return this.rumours.link(caller, id, dto.reportIds);
  }

  @Get('bulletins/:id/rumours')
  @Authenticated()
  @ApiOperation({ summary: 'The rumour reports a 辟谣 links (staff who may read it; its readers in groups get none)' })
  @ApiOkResponse({ type: [RumourReportViewDto] })
  @ApiErrors(ErrorCode.NotFound)
  linked(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<RumourReportViewDto[]> {
    return this.rumours.linked(caller, id);
  }
}
