import { BulletinPushEntity } from './bulletin-push.entity';
import { BulletinReadEntity } from './bulletin-read.entity';
import { BulletinSubscriptionEntity } from './bulletin-subscription.entity';
import { BulletinVersionEntity } from './bulletin-version.entity';
import { BulletinEntity } from './bulletin.entity';
import { BulletinOpenEntity, BulletinShareEntity, WechatGroupEntity } from './share.entities';

/** The bulletins feature's tables, for TypeORM (database/data-source.ts). */
export const BULLETIN_ENTITIES = [
  BulletinEntity, BulletinVersionEntity, BulletinPushEntity, BulletinReadEntity, BulletinShareEntity, WechatGroupEntity, BulletinOpenEntity, BulletinSubscriptionEntity,
];
