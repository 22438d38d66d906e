import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A rumour report (传言, docs/bulletins.md "Rumours"): what someone saw and in which group. A 辟谣
 * bulletin links it (`bulletin_id`); `debunked_at` is set when that 辟谣 is approved (已辟谣).
 * Who reported it is shown only to the group's responsible officer (an audited read) and to the reporter.
 */
@Entity('rumour_reports')
@Index('ix_rumour_reports_group', ['groupId', 'createdAt'])
@Index('ix_rumour_reports_reporter', ['reporterId', 'createdAt'])
@Index('ix_rumour_reports_bulletin', ['bulletinId'])
export class RumourReportEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'reporter_id', type: 'int' })
  reporterId: number;

  /** The reporter's role when reporting (residents are notified; lists say 居民 or 民警). */
  @Column({ name: 'reporter_role', type: 'varchar', length: 32 })
  reporterRole: string;

  /** Where it was seen (or the reporter's own group): the 辟谣 goes there. */
  @Column({ name: 'group_id', type: 'int' })
  groupId: number;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  /** The screenshot's upload id (claimed: uploads.rumour_report_id). */
  @Column({ name: 'screenshot_id', type: 'varchar', length: 36, nullable: true })
  screenshotId: string | null;

  @Column({ name: 'bulletin_id', type: 'int', nullable: true })
  bulletinId: number | null;

  @Column({ name: 'debunked_at', type: 'datetime', nullable: true })
  debunkedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
