import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's reading of a bulletin: when they first opened it, and their 有用 (one per person). */
@Entity('bulletin_reads')
export class BulletinReadEntity {
  @PrimaryColumn({ name: 'bulletin_id', type: 'int' })
  bulletinId: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'read_at', type: 'datetime' })
  readAt: Date;

  @Column({ name: 'useful_at', type: 'datetime', nullable: true })
  usefulAt: Date | null;
}
