import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { Database } from '../../common/db';
import { CommunityInviteEntity } from './community-invite.entity';

/** Every statement on `community_invites`: the officer's invite codes (邀请码) and their use. */
@Injectable()
export class InvitesRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager.getRepository(CommunityInviteEntity);
  }

  findByCode(code: string): Promise<CommunityInviteEntity | null> {
    return this.repo.findOne({ where: { code } });
  }

  exists(code: string): Promise<boolean> {
    return this.repo.exist({ where: { code } });
  }

  async insert(row: Omit<CommunityInviteEntity, 'id'>): Promise<void> {
    await this.repo.insert(row);
  }

  /** The community's codes that still let people in (not revoked, not expired), newest first, at most 20. */
  live(communityId: number): Promise<CommunityInviteEntity[]> {
    return this.repo.find({
      where: { communityId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { id: 'DESC' },
      take: 20,
    });
  }

  /** 作废: false when the community has no such live code. */
  async revoke(communityId: number, code: string): Promise<boolean> {
    const updated = await this.repo.update({ communityId, code, revokedAt: IsNull() }, { revokedAt: new Date() });
    return Boolean(updated.affected);
  }

  async countUse(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(CommunityInviteEntity).increment({ id }, 'useCount', 1);
  }
}
