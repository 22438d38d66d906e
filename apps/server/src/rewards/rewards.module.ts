import { Module } from '@nestjs/common';
import { BulletinsModule } from '../bulletins';
import { CasesModule } from '../cases';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { OrgModule, OrgUnitsModule } from '../org';
import { OfficerHonoursRepository } from './data/officer-honours.repository';
import { RewardsRepository } from './data/rewards.repository';
import { OfficerRankingService } from './officer-ranking.service';
import { RewardViews } from './reward-views';
import { RewardsController } from './rewards.controller';
import { RewardsService } from './rewards.service';

/** 激励奖励 (issue #22 part 4): 一事一奖, 正气 naming consent, 成绩突出社区民警 (docs/rewards.md). */
@Module({
  imports: [BulletinsModule, CasesModule, IdentityModule, NotificationsModule, OrgModule, OrgUnitsModule],
  controllers: [RewardsController],
  providers: [RewardsService, RewardViews, OfficerRankingService, RewardsRepository, OfficerHonoursRepository],
  exports: [RewardsService],
})
export class RewardsModule {}
