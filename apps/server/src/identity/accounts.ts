import { Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from './data/user.entity';
import { UsersRepository } from './data/users.repository';
import { TokenService } from './token.service';

/** Accounts as other features use them (through identity/index.ts): read by id, by role, staff of a unit, the informant flag. */
@Injectable()
export class Accounts {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
  ) {}

  find(id: number, m?: EntityManager): Promise<UserEntity | null> {
    return this.users.find(id, m);
  }

  /** The users of `ids` that exist, by id. */
  async findMany(ids: readonly number[], m?: EntityManager): Promise<Map<number, UserEntity>> {
    return new Map((await this.users.findMany(ids, m)).map((u) => [u.id, u]));
  }

  /** The WeChat openid of each of `ids` that has one (for subscribe messages; nothing personal). */
  openids(ids: readonly number[]): Promise<Map<number, string | null>> {
    return this.users.openids(ids);
  }

  /** Enabled users holding `role` (e.g. the city leaders), in id order. */
  withRole(role: Role, m?: EntityManager): Promise<UserEntity[]> {
    return this.users.withRole(role, m);
  }

  /** Enabled users of `role` in the org unit, in id order (a station's community officers or mediators). */
  staffOf(orgUnitId: number, role: Role, m?: EntityManager): Promise<UserEntity[]> {
    return this.users.staffOf(orgUnitId, role, m);
  }

  /** Grants or revokes the informant flag; their permissions change, so the access tokens they hold end. */
  async setInformant(userId: number, granted: boolean): Promise<void> {
    await this.users.setInformant(userId, granted);
    // The access tokens they hold end on every instance (the app refreshes).
    await this.tokens.revokeAccess(userId);
  }
}
