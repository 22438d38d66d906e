import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A share of a bulletin (分享); the card's path carries its id (docs/bulletins.md). */
@Entity('bulletin_shares')
@Index('ix_bulletin_shares_bulletin', ['bulletinId'])
export class BulletinShareEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'bulletin_id', type: 'int' })
  bulletinId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/**
 * A real WeChat group cards were opened from, by its openGId (decrypted from share info). Pending
 * until police bind it to one of their groups; `shared_by`/`org_path` are the police sharer whose
 * card first came from it, which places it for Access.
 */
@Entity('wechat_groups')
@Index('uq_wechat_groups_gid', ['openGid'], { unique: true })
@Index('uq_wechat_groups_group', ['groupId'], { unique: true })
@Index('ix_wechat_groups_sharer', ['sharedBy'])
@Index('ix_wechat_groups_path', ['orgPath'])
export class WechatGroupEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'open_gid', type: 'varchar', length: 64 })
  openGid: string;

  @Column({ name: 'group_id', type: 'int', nullable: true })
  groupId: number | null;

  @Column({ name: 'first_bulletin_id', type: 'int' })
  firstBulletinId: number;

  @Column({ name: 'first_seen_at', type: 'datetime' })
  firstSeenAt: Date;

  @Column({ name: 'shared_by', type: 'int', nullable: true })
  sharedBy: number | null;

  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath: string | null;

  @Column({ name: 'bound_by', type: 'int', nullable: true })
  boundBy: number | null;

  @Column({ name: 'bound_at', type: 'datetime', nullable: true })
  boundAt: Date | null;
}

/** A person's open of a bulletin's card in a WeChat group (one per person, bulletin and WeChat group). */
@Entity('bulletin_opens')
@Index('ix_bulletin_opens_group', ['wechatGroupId', 'userId'])
export class BulletinOpenEntity {
  @PrimaryColumn({ name: 'bulletin_id', type: 'int' })
  bulletinId: number;

  @PrimaryColumn({ name: 'wechat_group_id', type: 'int' })
  wechatGroupId: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'share_id', type: 'int', nullable: true })
  shareId: number | null;

  @Column({ name: 'opened_at', type: 'datetime' })
  openedAt: Date;
}
