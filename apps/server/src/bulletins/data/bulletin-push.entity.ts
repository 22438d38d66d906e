import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A bulletin pushed into one group. The daily quota is in the keys: a push takes slot 1..quota of
 * its group's China-time day, and `uq_bulletin_pushes_slot` lets only one push hold a slot, so two
 * pushes racing for the last one give exactly one push (docs/bulletins.md). A scheduled push
 * (定时推送) is a row whose `pushed_at` lies ahead; feeds show rows whose time has come.
 */
@Entity('bulletin_pushes')
@Index('uq_bulletin_pushes_slot', ['groupId', 'day', 'slot'], { unique: true })
@Index('uq_bulletin_pushes_group', ['bulletinId', 'groupId'], { unique: true })
@Index('ix_bulletin_pushes_feed', ['groupId', 'pushedAt'])
export class BulletinPushEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'bulletin_id', type: 'int' })
  bulletinId: number;

  /** The version pushed (never changes afterwards). */
  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  @Column({ name: 'group_id', type: 'int' })
  groupId: number;

  /** The China-time day of `pushed_at`, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'int' })
  slot: number;

  @Column({ name: 'pushed_by', type: 'int' })
  pushedBy: number;

  @Column({ name: 'pushed_at', type: 'datetime' })
  pushedAt: Date;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
