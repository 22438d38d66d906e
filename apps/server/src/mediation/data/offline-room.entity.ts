import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 警民联调室: a station's offline mediation room. */
@Entity('mediation_offline_rooms')
@Index('ix_mediation_offline_rooms_station', ['stationId'])
export class OfflineRoomEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'station_id', type: 'int' }) stationId: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 200 }) address: string;
  /** Retired by station staff: no free slots offered any more; its bookings stay. */
  @Column({ name: 'retired_at', type: 'datetime', nullable: true }) retiredAt: Date | null;
}
