import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Database } from '../../common/db';
import { StaffInvitationEntity } from './staff-invitation.entity';

/** Every statement on `staff_invitations`: single-use, expiring enrolment of staff. */
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

  /** Consumes the invitation unless it already was: false when it was used meanwhile. */
  async claim(m: EntityManager, id: number): Promise<boolean> {
    const claimed = await m.getRepository(StaffInvitationEntity).update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return Boolean(claimed.affected);
  }

  async setUsedBy(m: EntityManager, id: number, userId: number): Promise<void> {
    await m.getRepository(StaffInvitationEntity).update({ id }, { usedBy: userId });
  }
}
