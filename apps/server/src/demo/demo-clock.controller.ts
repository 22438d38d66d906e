import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { PlainInt } from '../common/validation';
import { CaseDetailDto } from '../cases/dto/case.dto';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { DemoClockService } from './demo-clock.service';

export class ElapseDto {
  @ApiProperty({ minimum: 1, maximum: 10_080, example: 90, description: 'minutes of the case’s time to let pass (at most a week)' })
  @PlainInt() @IsInt() @Min(1) @Max(10_080)
  minutes: number;
}

@ApiTags('demo 演示')
@Controller('demo')
export class DemoClockController {
  constructor(private readonly clock: DemoClockService) {}

  @Post('cases/:id/elapse')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CaseRead })
  @ApiOperation({
    summary:
      'Demo mode only: let `minutes` of a case’s time pass — its open deadlines move earlier and the deadline scheduler ' +
      'runs on it for each step that fell due, so it shows 逾期 and escalates (提醒 → 督办 → 催办) at once',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors(ErrorCode.DemoDisabled, ErrorCode.NotFound)
  elapse(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: ElapseDto): Promise<CaseDetailDto> {
    return this.clock.elapse(caller, id, dto.minutes);
  }
}
