import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommunityHandoverEntity } from './community-handover.entity';
import { OrgUnitEntity } from './org-unit.entity';

/** 民警交接: a community's new responsible officer and the record of the handover (`community_handovers`). */
@Injectable()
export class HandoversRepository {
  /** In the caller's transaction: the community's officer becomes `toOfficerId`, and the handover is recorded. */
  async record(m: EntityManager, handover: Omit<CommunityHandoverEntity, 'id'>): Promise<void> {
    await m.getRepository(OrgUnitEntity).update({ id: handover.communityId }, { officerId: handover.toOfficerId });
    await m.getRepository(CommunityHandoverEntity).insert(handover);
  }
}
