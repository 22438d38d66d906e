import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('mediation_slots')
@Index('uq_mediation_slots_room_start', ['offlineRoomId', 'startsAt'], { unique: true })
export class OfflineSlotEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'offline_room_id', type: 'int' }) offlineRoomId: number;
  @Column({ name: 'starts_at', type: 'datetime' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'datetime' }) endsAt: Date;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}
