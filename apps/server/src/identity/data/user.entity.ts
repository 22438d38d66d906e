import { Role } from '@jws/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat openid; null for demo accounts that never signed in through WeChat. */
  @Index('uq_users_openid', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null;

  @Index('ix_users_unionid')
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  /** Demo usernames only (resident1, officer1 …). */
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 64 })
  nickname: string;

  /** Real name (实名), encrypted. */
  @Column({ name: 'real_name_enc', type: 'varchar', length: 255, nullable: true, transformer: encryptedTransformer })
  realName: string | null;

  @Column({ name: 'phone_enc', type: 'varchar', length: 255, nullable: true, transformer: encryptedTransformer })
  phone: string | null;

  /** Keyed hash of the phone number for lookups without decrypting. */
  @Index('ix_users_phone_hash')
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ name: 'id_number_enc', type: 'varchar', length: 255, nullable: true, transformer: encryptedTransformer })
  idNumber: string | null;

  /** Officer's public work phone (工作电话), which residents of their communities call. */
  @Column({ name: 'work_phone', type: 'varchar', length: 32, nullable: true })
  workPhone: string | null;

  @Column({ name: 'photo_url', type: 'varchar', length: 255, nullable: true })
  photoUrl: string | null;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'is_informant', type: 'boolean', default: false })
  isInformant: boolean;

  /** The org unit a staff member belongs to (station for officers, branch for branch leaders …). */
  @Index('ix_users_org_unit')
  @Column({ name: 'org_unit_id', type: 'int', nullable: true })
  orgUnitId: number | null;

  /** WeChat session_key, encrypted; never returned or logged. */
  @Column({ name: 'session_key_enc', type: 'varchar', length: 255, nullable: true, transformer: encryptedTransformer })
  sessionKey: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Access tokens issued before this version are void (logout, revoked refresh family, role change). */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
