import { GroupKind, MemberType, MembershipStatus, OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { Database } from '../../common/db';
import { callerFor } from '../../identity/caller';
import type { Caller } from '../../common/request-context';
import { FieldCipher } from '../../personal-data/field-cipher';

/**
 * The demo owns no tables: its seed writes other features' rows (org units, users, groups,
 * memberships, invites, 警民联调室 and their slots) where those features have no method for it.
 * The statements sit here, in a data part (docs/architecture.md), and name the tables rather than
 * import the features' entities; TypeORM still applies each table's own columns (the encrypted
 * phone, defaults) from its entity metadata.
 */

/** A unit of the demo city as the seed goes on building it. */
export interface DemoUnit {
  id: number;
  name: string;
  path: string;
}

/** A demo account. */
export interface DemoUser {
  username: string;
  role: Role;
  nickname: string;
  orgUnitId?: number | null;
  phone?: string | null;
  workPhone?: string | null;
  isInformant?: boolean;
}

/** The writes of one seed transaction. */
export class DemoWriter {
  constructor(readonly manager: EntityManager) {}

  private repo(table: string) {
    return this.manager.getRepository<ObjectLiteral>(table);
  }

  /** An org unit under `parent` (its path is `parent`'s plus its own id). */
  async unit(name: string, level: OrgLevel, parent: DemoUnit | null, officerId: number | null = null): Promise<DemoUnit> {
    const units = this.repo('org_units');
    const saved = await units.save(units.create({ name, level, parentId: parent?.id ?? null, path: 'pending', officerId }));
    saved.path = `${parent?.path ?? '/'}${saved.id}/`;
    await units.save(saved);
    return { id: Number(saved.id), name, path: String(saved.path) };
  }

  /** Where residents find a station (办事指引). */
  async stationContact(stationId: number, address: string, phone: string): Promise<void> {
    await this.repo('org_units').update(stationId, { address, phone });
  }

  /** A demo account (no WeChat identity; the phone stored encrypted, with its lookup hash). */
  async user(u: DemoUser): Promise<{ id: number }> {
    const users = this.repo('users');
    const saved = await users.save(
      users.create({
        orgUnitId: null, isInformant: false, phone: null, workPhone: null, ...u,
        openid: null, unionid: null, phoneHash: u.phone ? FieldCipher.blindIndex(u.phone) : null, disabled: false,
      }),
    );
    return { id: Number(saved.id) };
  }

  /** A police-resident group (警民议事群) of a community or an enterprise service group of a station. */
  async group(g: { kind: GroupKind; name: string; communityId: number | null; stationId: number; ownerId: number; enterpriseCount: number }): Promise<void> {
    await this.repo('police_groups').insert({ ...g, wechatOpenGid: null });
  }

  /** An active member of a community. */
  async member(m: { userId: number; communityId: number; memberType: MemberType; decidedBy: number; at: Date }): Promise<void> {
    await this.repo('memberships').insert({
      userId: m.userId, communityId: m.communityId, memberType: m.memberType, status: MembershipStatus.Active,
      note: null, joinedAt: m.at, decidedBy: m.decidedBy, createdAt: m.at,
    });
  }

  /** A community's invite code. */
  async invite(i: { code: string; communityId: number; createdBy: number; expiresAt: Date; at: Date }): Promise<void> {
    await this.repo('community_invites').insert({
      code: i.code, communityId: i.communityId, createdBy: i.createdBy, expiresAt: i.expiresAt, revokedAt: null, useCount: 0, createdAt: i.at,
    });
  }
}

/** The demo's reads and bulk writes (demo/demo-seed.ts, demo-cases.ts, demo-referrals.ts, demo-mediation.ts). */
@Injectable()
export class DemoSeedRepository {
  constructor(private readonly db: Database) {}

  /** Whether the database has no org unit yet (a demo city is loaded only into an empty one). */
  async isEmpty(): Promise<boolean> {
    return (await this.db.manager.getRepository('org_units').count()) === 0;
  }

  /** Runs the seed's writes in one transaction. */
  seed(write: (w: DemoWriter) => Promise<void>): Promise<void> {
    return this.db.transaction(({ manager }) => write(new DemoWriter(manager)));
  }

  /** Whether an account of this username exists. */
  hasUser(username: string): Promise<boolean> {
    return this.db.manager.getRepository('users').existsBy({ username });
  }

  /** The caller a demo account would be once signed in (its role, permissions and jurisdiction). */
  async callerOf(username: string): Promise<Caller> {
    const user = (await this.db.manager.getRepository('users').findOneOrFail({ where: { username } })) as Parameters<typeof callerFor>[0];
    const unit = user.orgUnitId ? await this.db.manager.getRepository('org_units').findOne({ where: { id: user.orgUnitId } }) : null;
    return callerFor(user, (unit?.path as string | undefined) ?? null);
  }

  /** The id of a unit by its name. */
  async unitId(name: string): Promise<number> {
    return Number((await this.db.manager.getRepository('org_units').findOneByOrFail({ name })).id);
  }

  /** The stations, in id order. */
  async stations(): Promise<{ id: number; name: string }[]> {
    const rows = await this.db.manager.getRepository('org_units').find({ where: { level: OrgLevel.Station }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
  }
}
