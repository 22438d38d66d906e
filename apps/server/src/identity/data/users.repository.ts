import { OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Database, selectRows } from '../../common/db';
import { UserEntity } from './user.entity';

/** The few facts of a user's org unit identity needs (the caller's jurisdiction, the profile's unit name). */
export interface UnitFacts {
  id: number;
  name: string;
  path: string;
  level: OrgLevel;
}

/** Every statement on `users` (accounts): reads by id, openid, username; sign-up, profile and flag writes. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOne({ where: { id } });
  }

  findMany(ids: readonly number[], m: EntityManager = this.db.manager): Promise<UserEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(UserEntity).find({ where: { id: In([...new Set(ids)]) } });
  }

  /** Enabled users holding `role`, in id order. */
  withRole(role: Role, m: EntityManager = this.db.manager): Promise<UserEntity[]> {
    return m.getRepository(UserEntity).find({ where: { role, disabled: false }, order: { id: 'ASC' } });
  }

  findByOpenid(openid: string, m: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOne({ where: { openid } });
  }

  findByUnionid(unionid: string): Promise<UserEntity | null> {
    return this.db.manager.getRepository(UserEntity).findOne({ where: { unionid } });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.db.manager.getRepository(UserEntity).findOne({ where: { username } });
  }

  /** The demo accounts (those with a username), in id order. */
  demoAccounts(): Promise<UserEntity[]> {
    return this.db.manager.getRepository(UserEntity).find({ where: { username: Not(IsNull()) }, order: { id: 'ASC' } });
  }

  /** A new, unsaved account. */
  create(fields: Partial<UserEntity>, m: EntityManager = this.db.manager): UserEntity {
    return m.getRepository(UserEntity).create(fields);
  }

  save(user: UserEntity, m: EntityManager = this.db.manager): Promise<UserEntity> {
    return m.getRepository(UserEntity).save(user);
  }

  /**
   * The WeChat openid of each user of `ids` who has one: one column, nothing personal is read or
   * decrypted (the outbox's subscribe messages need only this).
   */
  async openids(ids: readonly number[]): Promise<Map<number, string | null>> {
    if (!ids.length) return new Map();
    const rows = await selectRows<{ id: number | string; openid: string | null }>(
      this.db.manager, `SELECT id, openid FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids],
    );
    return new Map(rows.map((r) => [Number(r.id), r.openid ?? null]));
  }

  /** The user's current token version (0 for an unknown user). */
  async tokenVersion(id: number): Promise<number> {
    const user = await this.db.manager.getRepository(UserEntity).findOne({ select: { id: true, tokenVersion: true }, where: { id } });
    return user?.tokenVersion ?? 0;
  }

  async raiseTokenVersion(id: number): Promise<void> {
    await this.db.manager.getRepository(UserEntity).increment({ id }, 'tokenVersion', 1);
  }

  async setInformant(id: number, granted: boolean): Promise<void> {
    await this.db.manager.getRepository(UserEntity).update({ id }, { isInformant: granted });
  }

  /** Enabled users of `role` in the org unit, in id order (a station's community officers, its mediators). */
  staffOf(orgUnitId: number, role: Role, m: EntityManager = this.db.manager): Promise<UserEntity[]> {
    return m.getRepository(UserEntity).find({ where: { orgUnitId, role, disabled: false }, order: { id: 'ASC' } });
  }

  /** The user's org unit: its name (profile), path (jurisdiction) and level (enrolment). Org units are org's; this reads them only. */
  async unit(orgUnitId: number | null): Promise<UnitFacts | null> {
    if (!orgUnitId) return null;
    const [row] = await selectRows<{ id: number | string; name: string; path: string; level: OrgLevel }>(
      this.db.manager,
      'SELECT id, name, path, level FROM org_units WHERE id = ?',
      [orgUnitId],
    );
    return row ? { id: Number(row.id), name: row.name, path: row.path, level: row.level } : null;
  }
}
