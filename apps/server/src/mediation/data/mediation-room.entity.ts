import { RoomStatus } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mediation room (网上调解室) opened from a dispute case, or a caucus channel (背靠背) of one:
 * a caucus is a room of its own (`parentId` set) with the mediator and one party, so it has its
 * own sequence and nobody else is a member of it. `lastSeq` hands out the per-room sequence.
 */
@Entity('mediation_rooms')
@Index('ix_mediation_rooms_case', ['caseId'])
@Index('ix_mediation_rooms_parent', ['parentId'])
@Index('ix_mediation_rooms_scope', ['orgPath', 'status'])
export class MediationRoomEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'case_id', type: 'int' }) caseId: number;
  @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId: number | null;
  /** Caucus: the member (of the main room) the mediator talks to. */
  @Column({ name: 'caucus_member_id', type: 'int', nullable: true }) caucusMemberId: number | null;
  @Column({ type: 'varchar', length: 20 }) status: RoomStatus;
  /** The case's community path: staff scope applies to rooms as to cases. */
  @Column({ name: 'org_path', type: 'varchar', length: 255 }) orgPath: string;
  @Column({ name: 'officer_id', type: 'int', nullable: true }) officerId: number | null;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ name: 'last_seq', type: 'int', default: 0 }) lastSeq: number;
  @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'closed_at', type: 'datetime', nullable: true }) closedAt: Date | null;
}
