import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { PageQueryDto } from '../common/paging';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { InquiryPageDto, InquiryViewDto, InspectionCaseViewDto, InspectionItemPageDto, OpenInquiryDto } from './inspection.dto';
import { InspectionService } from './inspection.service';

@ApiTags('inspection 责任追究')
@Controller()
export class InspectionController {
  constructor(private readonly inspection: InspectionService) {}

  @Get('inspection/cases')
  @Authenticated({ permission: Permission.CaseInspect })
  @ApiOperation({
    summary:
      '责任追究 (信访/督察): open cases of the jurisdiction with a deadline past due or escalated to 派出所督办 or beyond, ' +
      'most overdue first, each with its response-time trail (deadlines, who was told and when, 催办, replies); audited',
  })
  @ApiOkResponse({ type: InspectionItemPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  list(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<InspectionItemPageDto> {
    return this.inspection.list(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('inspection/cases/:id')
  @Authenticated({ permission: Permission.CaseInspect })
  @ApiOperation({ summary: 'One case of the jurisdiction: its response-time trail and its 核查 (inspectors; audited)' })
  @ApiOkResponse({ type: InspectionCaseViewDto })
  @ApiErrors(ErrorCode.NotFound)
  caseView(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<InspectionCaseViewDto> {
    return this.inspection.caseView(caller, id);
  }

  @Get('inspection/inquiries')
  @Authenticated({ permission: Permission.CaseInspect })
  @ApiOperation({ summary: 'The 核查 of the inspector’s jurisdiction, newest first (audited)' })
  @ApiOkResponse({ type: InquiryPageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  history(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<InquiryPageDto> {
    return this.inspection.history(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('cases/:id/inquiries')
  @Authenticated({ permission: Permission.CaseInspect })
  @ApiOperation({
    summary:
      '核查: an inspector’s findings and outcome (无责 / 提醒谈话 / 批评教育 / 通报批评 / 移送追责) on a case of the jurisdiction; ' +
      'an internal timeline entry, a notice to the officer and the station leaders, audited. Only inspectors write these (403 otherwise)',
  })
  @ApiCreatedResponse({ type: InquiryViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.Forbidden)
  open(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: OpenInquiryDto): Promise<InquiryViewDto> {
    return this.inspection.open(caller, id, dto.findings, dto.outcome);
  }

  @Get('cases/:id/inquiries')
  @Authenticated()
  @ApiOperation({ summary: 'The 核查 of a case: inspectors over it, its officer and the leaders over it (audited); residents are refused' })
  @ApiOkResponse({ type: [InquiryViewDto] })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.Forbidden)
  ofCase(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<InquiryViewDto[]> {
    return this.inspection.ofCase(caller, id);
  }
}
