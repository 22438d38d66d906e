/**
 * The referrals feature's face: what other features may import from referrals (docs/architecture.md).
 * Its data (entities, repositories: referrals/data/) stays inside.
 */
export { ReferralsModule } from './referrals.module';
export { ReferralsService } from './referrals.service';
export { ReferralTargetsService } from './referral-targets.service';
export { Hotline12345Adapter } from './hotline12345.adapter';
