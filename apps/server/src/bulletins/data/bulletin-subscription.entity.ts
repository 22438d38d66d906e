import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one-time 警务公告 subscriptions a person accepted in the mini program and has not used: each
 * acceptance lets WeChat deliver one subscribe message, so each message enqueued for them takes one.
 */
@Entity('bulletin_subscriptions')
export class BulletinSubscriptionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'int', default: 0 })
  credits: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
