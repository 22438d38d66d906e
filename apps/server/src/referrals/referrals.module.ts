import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { GovernanceService } from './governance.service';
import { Hotline12345Adapter } from './hotline12345.adapter';
import { ReferralDeadlinesWorker } from './referral-deadlines.worker';
import { ReferralTargetsService } from './referral-targets.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [CasesModule, NotificationsModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralTargetsService, GovernanceService, Hotline12345Adapter, ReferralDeadlinesWorker],
  exports: [ReferralsService, ReferralTargetsService, Hotline12345Adapter],
})
export class ReferralsModule {}
