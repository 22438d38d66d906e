import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A partner system allowed to submit service requests (e.g. the 12345 hotline platform). Only
 * the SHA-256 of its api_key is stored; `communityId` is where its requests go when they name none.
 */
@Entity('open311_partners')
export class Open311PartnerEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('uq_open311_partners_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
