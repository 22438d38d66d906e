import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Record of a community passing from one officer to another (民警交接). Append-only. */
@Entity('community_handovers')
export class CommunityHandoverEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_community_handovers_community')
  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'from_officer_id', type: 'int', nullable: true })
  fromOfficerId: number | null;

  @Column({ name: 'to_officer_id', type: 'int' })
  toOfficerId: number;

  @Column({ name: 'by_user_id', type: 'int' })
  byUserId: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'datetime' })
  at: Date;
}
