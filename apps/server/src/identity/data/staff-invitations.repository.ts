import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Like, Not } from 'typeorm';
import { OrgUnitEntity } from '../../org/org-unit.entity';
import { StaffInvitationEntity } from '../staff-invitation.entity';

/** Staff invitations in the inviter's list and 撤销 (the token itself is only ever stored hashed). */
@Injectable()
export class StaffInvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get invitations() {
    return this.dataSource.getRepository(StaffInvitationEntity);
  }

  /**
   * A page of the invitations to the org units under `pathPrefix` (staff are placed on stations,
   * branches and the city, never on communities), newest first, each with its unit's name.
   */
  async page(pathPrefix: string, page: number, pageSize: number): Promise<{ rows: { invitation: StaffInvitationEntity; unitName: string }[]; total: number }> {
    const units = await this.dataSource.getRepository(OrgUnitEntity).find({
      select: { id: true, name: true },
      where: { path: Like(`${pathPrefix}%`), level: Not(OrgLevel.Community) },
    });
    if (units.length === 0) return { rows: [], total: 0 };
    const names = new Map(units.map((u) => [u.id, u.name]));
    const [rows, total] = await this.invitations.findAndCount({
      where: { orgUnitId: In([...names.keys()]) },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { rows: rows.map((invitation) => ({ invitation, unitName: names.get(invitation.orgUnitId) ?? '' })), total };
  }

  byId(id: number): Promise<StaffInvitationEntity | null> {
    return this.invitations.findOne({ where: { id } });
  }

  unit(id: number): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  /** Marks an unused, unrevoked invitation revoked; false when it was used (or revoked) meanwhile. */
  async revoke(id: number, at: Date): Promise<boolean> {
    const result = await this.invitations.update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: at });
    return Boolean(result.affected);
  }
}
