import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { PageQueryDto } from '../common/paging';
import type { Caller } from '../common/request-context';
import { CaseDetailDto } from '../cases/dto/case.dto';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { SupervisedCasePageDto, UrgeCaseDto } from './supervision.dto';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision 督办催办')
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('supervision/cases')
  @Authenticated({ permission: Permission.CaseSupervise })
  @ApiOperation({
    summary:
      '督办: open cases in the caller’s jurisdiction whose overdue deadline escalated to their level ' +
      '(station leaders: 派出所督办 and 分局催办; branch and city leaders: 分局催办), most overdue first, paged like the queue',
  })
  @ApiOkResponse({ type: SupervisedCasePageDto })
  @ApiErrors(ErrorCode.ValidationFailed)
  list(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<SupervisedCasePageDto> {
    return this.supervision.list(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('cases/:id/urge')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseSupervise })
  @ApiOperation({
    summary:
      '催办: urge the responsible officer with an instruction (leaders, cases in their jurisdiction still being handled): ' +
      'an internal timeline event, an in-app message to the officer, audited; once per case every 10 minutes',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed, ErrorCode.UrgeTooFrequent)
  urge(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: UrgeCaseDto): Promise<CaseDetailDto> {
    return this.supervision.urge(caller, id, dto.instruction);
  }
}
