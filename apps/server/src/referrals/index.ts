/**
 * The referrals feature's face: what other features may import from referrals (docs/architecture.md).
 * Its data (entities, repositories: referrals/data/) stays inside.
 */
export { ReferralsModule } from './referrals.module';
export { ReferralsService } from './referrals.service';
export { ReferralTargetsService } from './referral-targets.service';
export { Hotline12345Adapter } from './hotline12345.adapter';
/** 转办分流联席 agenda items and the 政法委/综治 digest, for the 会商 packet (reviews/). */
export { ReferralAgendaService } from './referral-agenda.service';
export { GovernanceService } from './governance.service';
