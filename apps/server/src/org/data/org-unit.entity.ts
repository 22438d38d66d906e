import { OrgLevel } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A node of the jurisdiction tree 市局 → 分县局 → 派出所 → 社区/村.
 * `path` is the materialised path of ids (`/1/3/7/`), so a subtree is one indexed prefix query.
 */
@Entity('org_units')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: OrgLevel;

  @Index('ix_org_units_parent')
  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId: number | null;

  @Index('ix_org_units_path')
  @Column({ type: 'varchar', length: 255 })
  path: string;

  /** For a community: its responsible community officer (责任民警). */
  @Index('ix_org_units_officer')
  @Column({ name: 'officer_id', type: 'int', nullable: true })
  officerId: number | null;

  /** For a station: where residents find it and its phone (派出所地址、电话), shown in 办事指引. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;
}
