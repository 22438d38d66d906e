import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { AuthedRequest, Caller } from '../common/request-context';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../hotline12345/protocol';
import { Authenticated, CurrentCaller, Public } from '../identity/authenticated.decorator';
import { GovernanceService } from './governance.service';
import { Hotline12345Adapter } from './hotline12345.adapter';
import {
  CreateReferralDto, CreateReferralTargetDto, DigestQueryDto, GovernanceClassDto, ReferralListQueryDto, ReferralReplyDto, UpdateReferralTargetDto,
} from './referrals.dto';
import { ReferralTargetsService } from './referral-targets.service';
import { ReferralsService } from './referrals.service';
import { ReferralAgendaService } from './referral-agenda.service';

@ApiTags('referrals 转办分流')
@Controller()
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly governance: GovernanceService,
    private readonly hotline: Hotline12345Adapter,
    private readonly targetAdmin: ReferralTargetsService,
    private readonly agendaItems: ReferralAgendaService,
  ) {}

  @Get('referral-targets')
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: 'Where a case can be referred: 警种 departments, 12345, other departments' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  targets() {
    return this.referrals.targets();
  }

  @Get('referral-targets/manage')
  @Authenticated({ permission: Permission.ReferralTargetManage })
  @ApiOperation({ summary: '转办对象管理: every target, active or retired, with its department staff and open referrals (admins)' })
  @ApiOkResponse({ description: 'ReferralTargetAdminPage in @jws/contracts' })
  manageTargets() {
    return this.targetAdmin.adminPage();
  }

  @Post('referral-targets')
  @Authenticated({ permission: Permission.ReferralTargetManage })
  @ApiOperation({ summary: 'Add a referral target with its department staff (admins; 12345 exists once)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.HotlineTargetFixed, ErrorCode.ReferralTargetExists)
  createTarget(@CurrentCaller() caller: Caller, @Body() dto: CreateReferralTargetDto) {
    return this.targetAdmin.create(dto, caller);
  }

  @Put('referral-targets/:id')
  @Authenticated({ permission: Permission.ReferralTargetManage })
  @ApiOperation({ summary: 'Rename a referral target, change its phone or its whole staff list (admins)' })
  @ApiOkResponse({ description: 'ReferralTargetAdminView in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.HotlineTargetFixed, ErrorCode.ReferralTargetExists)
  updateTarget(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: UpdateReferralTargetDto) {
    return this.targetAdmin.update(caller, id, dto);
  }

  @Post('referral-targets/:id/retire')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReferralTargetManage })
  @ApiOperation({ summary: 'Retire a referral target: no longer offered to officers; referrals already sent stay with it' })
  @ApiOkResponse({ description: 'ReferralTargetAdminView in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.HotlineTargetFixed)
  retireTarget(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.targetAdmin.setActive(caller, id, false);
  }

  @Post('referral-targets/:id/restore')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReferralTargetManage })
  @ApiOperation({ summary: 'Offer a retired referral target to officers again' })
  @ApiOkResponse({ description: 'ReferralTargetAdminView in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.HotlineTargetFixed, ErrorCode.ReferralTargetExists)
  restoreTarget(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.targetAdmin.setActive(caller, id, true);
  }

  @Post('cases/:id/referrals')
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: '转办: refer a case (target, reason, station contact, due dates); the case moves to referred' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed, ErrorCode.ReferralTargetInvalid, ErrorCode.ReferralContactInvalid, ErrorCode.ReferralDueInvalid)
  refer(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CreateReferralDto) {
    return this.referrals.refer(caller, id, dto);
  }

  @Get('cases/:id/referrals')
  @Authenticated({ permission: Permission.CaseRead })
  @ApiOperation({ summary: 'Referrals of a case (police in scope)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound)
  ofCase(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.referrals.ofCase(caller, id);
  }

  @Get('cases/:id/referral-steps')
  @Authenticated()
  @ApiOperation({ summary: 'Referral steps in plain words, for the resident (e.g. 已转12345，工单号 …)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound)
  steps(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.referrals.steps(caller, id);
  }

  @Get('cases/:id/governance-class')
  @Authenticated({ permission: Permission.CaseRead })
  @ApiOperation({ summary: 'The governance class of a case (诉求分类)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound)
  classOf(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.governance.classOf(caller, id);
  }

  @Put('cases/:id/governance-class')
  @Authenticated({ permission: Permission.CaseHandle })
  @ApiOperation({ summary: 'Classify a case: 矛盾纠纷, 治安隐患, 民生诉求, 违法犯罪线索' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound)
  classify(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: GovernanceClassDto) {
    return this.governance.classify(caller, id, dto.governanceClass);
  }

  @Get('referrals')
  @Authenticated({ permission: Permission.ReferralHandle })
  @ApiOperation({ summary: 'Department staff: referrals to their own department, newest first' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  departmentList(@CurrentCaller() caller: Caller, @Query() q: ReferralListQueryDto) {
    return this.referrals.departmentList(caller, q.status);
  }

  @Get('referrals/:id')
  @Authenticated()
  @ApiOperation({ summary: 'One referral (its department’s staff, or police who may see the case)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound)
  detail(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.referrals.detail(caller, id);
  }

  @Post('referrals/:id/sign')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReferralHandle })
  @ApiOperation({ summary: '签收 a referral (department staff)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.ReferralAlreadyHandled)
  sign(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number) {
    return this.referrals.sign(caller, id);
  }

  @Post('referrals/:id/reply')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Reply with an outcome (department staff), or record an external reply with evidence (officer); the case returns to the officer' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.ReferralNotSigned, ErrorCode.ReferralAlreadyHandled, ErrorCode.EvidenceRequired, ErrorCode.Forbidden)
  reply(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: ReferralReplyDto) {
    return this.referrals.reply(caller, id, dto);
  }

  @Get('referral-agenda')
  @Authenticated({ permission: Permission.ReferralAgendaRead })
  @ApiOperation({ summary: '转办分流联席 agenda: piled-up referrals per target and category, with their cases (branch and city leaders)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  agenda(@CurrentCaller() caller: Caller) {
    return this.agendaItems.agenda(caller);
  }

  @Get('governance/digest')
  @Authenticated({ permission: Permission.GovernanceDigestRead })
  @ApiOperation({ summary: 'Daily 政法委/综治 digest: cases in handling in the jurisdiction, by class' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  digest(@CurrentCaller() caller: Caller, @Query() q: DigestQueryDto) {
    return this.governance.digest(caller, q.date);
  }

  @Get('governance/digest.csv')
  @Authenticated({ permission: Permission.GovernanceDigestRead })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with BOM' })
  @ApiOperation({ summary: 'The daily digest as CSV' })
  async digestCsv(@CurrentCaller() caller: Caller, @Query() q: DigestQueryDto): Promise<StreamableFile> {
    const { filename, csv } = await this.governance.digestCsv(caller, q.date);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }

  @Post('integrations/12345/webhook')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '12345 status webhook (HMAC-SHA256 signature over "<timestamp>.<raw body>", see docs/integrations/12345.md)' })
  @ApiOkResponse({ description: 'see the shapes in @jws/contracts' })
  @ApiErrors(ErrorCode.SignatureInvalid, ErrorCode.NotFound)
  webhook(@Req() req: AuthedRequest, @Headers(SIGNATURE_HEADER) signature?: string, @Headers(TIMESTAMP_HEADER) timestamp?: string) {
    return this.hotline.webhook(req.body, signature, timestamp);
  }
}
