import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A booked slot; the unique slot id makes double booking impossible. */
@Entity('mediation_bookings')
@Index('ix_mediation_bookings_room', ['roomId'])
export class OfflineBookingEntity {
  @PrimaryGeneratedColumn() id: number;
  @Index('uq_mediation_bookings_slot', { unique: true })
  @Column({ name: 'slot_id', type: 'int' }) slotId: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'booked_by', type: 'int' }) bookedBy: number;
  @Column({ name: 'booked_at', type: 'datetime' }) bookedAt: Date;
  @Column({ type: 'varchar', length: 12, nullable: true }) outcome: 'settled' | 'unsettled' | null;
  @Column({ name: 'outcome_note', type: 'varchar', length: 500, nullable: true }) outcomeNote: string | null;
  @Column({ name: 'outcome_at', type: 'datetime', nullable: true }) outcomeAt: Date | null;
}
