import { Permission, WorkbenchAlerts } from '@jws/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity';
import { WorkbenchService } from './workbench.service';

export class WorkbenchAlertsDto implements WorkbenchAlerts {
  @ApiProperty({ nullable: true, type: Number, description: '新上报: reports not yet accepted (officers, station leaders)' }) newReports: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '逾期: open reports past a deadline (officers, station leaders)' }) overdueReports: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '督办: escalated reports (leaders)' }) supervision: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '待审核: join requests (officers, station leaders)' }) pendingJoins: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '转办签收: referrals not yet signed (department staff)' }) referralsToSign: number | null;
  @ApiProperty({ description: 'the 工作台 tab badge: all of the above, each report once' }) total: number;
}

@ApiTags('workbench 工作台')
@Controller()
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get('workbench/alerts')
  @Authenticated({ permission: Permission.WorkbenchAccess })
  @ApiOperation({ summary: "What waits for the caller in their jurisdiction: counts for the 工作台 entries and the tab badge (null: not the caller's entry)" })
  @ApiOkResponse({ type: WorkbenchAlertsDto })
  alerts(@CurrentCaller() caller: Caller): Promise<WorkbenchAlertsDto> {
    return this.workbench.alerts(caller);
  }
}
