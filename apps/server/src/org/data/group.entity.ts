import { GroupKind } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A police–resident group: one per community (一警一群) or an enterprise group of a station,
 * owned by its deputy chief for grassroots work (分管基础工作副所长).
 */
@Entity('police_groups')
export class PoliceGroupEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: GroupKind;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Index('uq_police_groups_community', { unique: true })
  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  @Index('ix_police_groups_station')
  @Column({ name: 'station_id', type: 'int' })
  stationId: number;

  @Column({ name: 'owner_id', type: 'int', nullable: true })
  ownerId: number | null;

  /** The real WeChat group's openGId once bound from a share card. */
  @Column({ name: 'wechat_open_gid', type: 'varchar', length: 64, nullable: true })
  wechatOpenGid: string | null;

  @Column({ name: 'enterprise_count', type: 'int', default: 0 })
  enterpriseCount: number;
}
