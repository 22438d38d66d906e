import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrgModule } from '../org';
import { ReferralsModule } from '../referrals';
import { SupervisionModule } from '../supervision/supervision.module';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';

/** 工作台 alerts: the counts on its entries and the badge on its tab. */
@Module({
  imports: [CasesModule, OrgModule, ReferralsModule, SupervisionModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
