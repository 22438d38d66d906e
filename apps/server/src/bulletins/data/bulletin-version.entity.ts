import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of a bulletin's text. Every edit adds a row; none is ever updated, so a pushed
 * version reads the same forever. `body` is the structured blocks (BulletinBlock[]) as JSON, never HTML.
 */
@Entity('bulletin_versions')
@Index('uq_bulletin_versions_no', ['bulletinId', 'versionNo'], { unique: true })
export class BulletinVersionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'bulletin_id', type: 'int' })
  bulletinId: number;

  @Column({ name: 'version_no', type: 'int' })
  versionNo: number;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Upload ids, JSON. */
  @Column({ name: 'image_ids', type: 'varchar', length: 400 })
  imageIds: string;

  /** 法律依据. */
  @Column({ name: 'legal_basis', type: 'varchar', length: 200, nullable: true })
  legalBasis: string | null;

  /** Tags, JSON. */
  @Column({ type: 'varchar', length: 200 })
  tags: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
