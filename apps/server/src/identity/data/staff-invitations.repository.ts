import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Database, selectRows } from '../../common/db';
import { StaffInvitationEntity } from './staff-invitation.entity';

/** Every statement on `staff_invitations`: single-use, expiring enrolment of staff, its list and 撤销. */
@Injectable()
export class StaffInvitationsRepository {
  constructor(private readonly db: Database) {}

  save(fields: Omit<StaffInvitationEntity, 'id'>): Promise<StaffInvitationEntity> {
    const repo = this.db.manager.getRepository(StaffInvitationEntity);
    return repo.save(repo.create(fields));
  }

  findByHash(tokenHash: string): Promise<StaffInvitationEntity | null> {
    return this.db.manager.getRepository(StaffInvitationEntity).findOne({ where: { tokenHash } });
  }

  findById(id: number): Promise<StaffInvitationEntity | null> {
    return this.db.manager.getRepository(StaffInvitationEntity).findOne({ where: { id } });
  }

  /** Consumes the invitation unless it already was, or was revoked: false when either happened meanwhile. */
  async claim(m: EntityManager, id: number): Promise<boolean> {
    const claimed = await m.getRepository(StaffInvitationEntity).update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: new Date() });
    return Boolean(claimed.affected);
  }

  async setUsedBy(m: EntityManager, id: number, userId: number): Promise<void> {
    await m.getRepository(StaffInvitationEntity).update({ id }, { usedBy: userId });
  }

  /** Marks an unused, unrevoked invitation revoked; false when it was used (or revoked) meanwhile. */
  async revoke(id: number, at: Date): Promise<boolean> {
    const result = await this.db.manager.getRepository(StaffInvitationEntity).update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: at });
    return Boolean(result.affected);
  }

  /**
   * A page of the invitations to the org units under `pathPrefix` (staff are placed on stations,
   * branches and the city, never on communities), newest first, each with its unit's name. Org
   * units are org's; this reads them only.
   */
  async page(pathPrefix: string, page: number, pageSize: number): Promise<{ rows: { invitation: StaffInvitationEntity; unitName: string }[]; total: number }> {
    const units = await selectRows<{ id: number | string; name: string }>(
      this.db.manager, 'SELECT id, name FROM org_units WHERE path LIKE ? AND level <> ?', [`${pathPrefix}%`, OrgLevel.Community],
    );
    if (units.length === 0) return { rows: [], total: 0 };
    const names = new Map(units.map((u) => [Number(u.id), u.name]));
    const [rows, total] = await this.db.manager.getRepository(StaffInvitationEntity).findAndCount({
      where: { orgUnitId: In([...names.keys()]) },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { rows: rows.map((invitation) => ({ invitation, unitName: names.get(invitation.orgUnitId) ?? '' })), total };
  }
}
