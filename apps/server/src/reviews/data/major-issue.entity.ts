import type { MajorIssueStatus } from '@jws/contracts';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** 重大问题 a station raised to its 挂点 city leader, with the deadline of the 会商 and its feedback. */
@Entity('major_issues')
@Index('ix_major_issues_leader', ['leaderId', 'status'])
@Index('ix_major_issues_station', ['stationId', 'raisedAt'])
export class MajorIssueEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'station_id', type: 'int' })
  stationId: number;

  @Column({ name: 'station_path', type: 'varchar', length: 255 })
  stationPath: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'raised_by', type: 'int' })
  raisedBy: number;

  @Column({ name: 'raised_at', type: 'datetime' })
  raisedAt: Date;

  @Column({ name: 'leader_id', type: 'int' })
  leaderId: number;

  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ type: 'varchar', length: 8 })
  status: MajorIssueStatus;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ name: 'answered_at', type: 'datetime', nullable: true })
  answeredAt: Date | null;
}

/** 挂点: the city leader who links a station. */
@Entity('station_links')
export class StationLinkEntity {
  @PrimaryColumn({ name: 'station_id', type: 'int' })
  stationId: number;

  @Column({ name: 'leader_id', type: 'int' })
  leaderId: number;
}
