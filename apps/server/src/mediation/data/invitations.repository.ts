import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Database } from '../../common/db';
import { MediationInvitationEntity } from './mediation-invitation.entity';

/** Invitations to a member slot (only the token's hash is stored), used once. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Database) {}

  async insert(values: Omit<MediationInvitationEntity, 'id'>): Promise<void> {
    await this.db.manager.getRepository(MediationInvitationEntity).insert(values);
  }

  byTokenHash(tokenHash: string): Promise<MediationInvitationEntity | null> {
    return this.db.manager.getRepository(MediationInvitationEntity).findOne({ where: { tokenHash } });
  }

  /** Marks the invitation used by `userId`; false when it was used already. */
  async claim(m: EntityManager, id: number, userId: number, now: Date): Promise<boolean> {
    const claimed = await m.getRepository(MediationInvitationEntity).update({ id, usedAt: IsNull() }, { usedAt: now, usedBy: userId });
    return Boolean(claimed.affected);
  }
}
