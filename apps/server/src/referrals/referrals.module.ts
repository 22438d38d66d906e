import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FiguresModule } from '../figures';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseGovernanceRepository } from './data/case-governance.repository';
import { ReferralAgendaRepository } from './data/referral-agenda.repository';
import { ReferralPeopleRepository } from './data/referral-people.repository';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import { ReferralsRepository } from './data/referrals.repository';
import { GovernanceService } from './governance.service';
import { Hotline12345Adapter } from './hotline12345.adapter';
import { ReferralAgendaService } from './referral-agenda.service';
import { ReferralDeadlinesWorker } from './referral-deadlines.worker';
import { ReferralTargetsService } from './referral-targets.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [CasesModule, FiguresModule, NotificationsModule],
  controllers: [ReferralsController],
  providers: [
    ReferralsService, ReferralAgendaService, ReferralTargetsService, GovernanceService, Hotline12345Adapter, ReferralDeadlinesWorker,
    ReferralsRepository, ReferralTargetsRepository, ReferralAgendaRepository, CaseGovernanceRepository, ReferralPeopleRepository,
  ],
  exports: [ReferralsService, ReferralTargetsService, Hotline12345Adapter, ReferralAgendaService, GovernanceService],
})
export class ReferralsModule {}
