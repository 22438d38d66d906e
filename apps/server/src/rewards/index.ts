/**
 * The rewards feature's face (docs/architecture.md, docs/rewards.md): 一事一奖, the 正气 naming
 * consent and 成绩突出社区民警. Its data (rewards/data/) stays inside.
 */
export { RewardsModule } from './rewards.module';
export { RewardsService } from './rewards.service';
