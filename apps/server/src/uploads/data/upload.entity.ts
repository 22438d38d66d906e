import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Photos and images uploaded by users; `caseId` is set when a case or its follow-up uses them.
 * A sealed case's photos lose their owner when claimed (`DISOWNED_UPLOAD_OWNER`).
 */
@Entity('uploads')
@Index('ix_uploads_case', ['caseId'])
@Index('ix_uploads_bulletin', ['bulletinId'])
export class UploadEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'int' })
  ownerId: number;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  /** Set when an image message of a mediation room uses it (never shown with the case's photos). */
  @Column({ name: 'room_id', type: 'int', nullable: true })
  roomId: number | null;

  /** Set when a bulletin uses it as one of its images (served after the bulletin's access check). */
  @Column({ name: 'bulletin_id', type: 'int', nullable: true })
  bulletinId: number | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 128 })
  storageKey: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'int' })
  bytes: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
