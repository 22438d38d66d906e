import { OfficerHonourEntity } from './officer-honour.entity';
import { RewardEntity } from './reward.entity';

/** The rewards feature's tables, for TypeORM (database/data-source.ts). */
export const REWARD_ENTITIES = [RewardEntity, OfficerHonourEntity];
