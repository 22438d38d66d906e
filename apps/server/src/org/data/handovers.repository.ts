import { MembershipStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../../common/db';
import { CommunityHandoverEntity } from './community-handover.entity';
import { MembershipEntity } from './membership.entity';
import { OrgUnitEntity } from './org-unit.entity';

/** 民警交接: a community's new responsible officer and the record of the handover (`community_handovers`). */
@Injectable()
export class HandoversRepository {
  constructor(private readonly db: Database) {}

  /** In the caller's transaction (run through CommunityListVersion.writing): the community's officer becomes `toOfficerId`, and the handover is recorded. */
  async record(m: EntityManager, handover: Omit<CommunityHandoverEntity, 'id'>): Promise<void> {
    await m.getRepository(OrgUnitEntity).update({ id: handover.communityId }, { officerId: handover.toOfficerId });
    await m.getRepository(CommunityHandoverEntity).insert(handover);
  }

  /** The users of the community's active memberships (told who their new officer is). */
  async activeMemberIds(m: EntityManager, communityId: number): Promise<number[]> {
    const rows = await m.getRepository(MembershipEntity).find({
      select: { userId: true }, where: { communityId, status: MembershipStatus.Active },
    });
    return rows.map((r) => r.userId);
  }

  /** The community's handovers, newest first (off ix_community_handovers_community). */
  historyOf(communityId: number): Promise<CommunityHandoverEntity[]> {
    return this.db.manager.getRepository(CommunityHandoverEntity).find({ where: { communityId }, order: { at: 'DESC', id: 'DESC' } });
  }
}
