import { GovernanceClass } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../../common/db';
import { CaseGovernanceEntity } from './case-governance.entity';

/** Every statement on `case_governance`: an officer's governance classification of a case. */
@Injectable()
export class CaseGovernanceRepository {
  constructor(private readonly db: Database) {}

  /** Sets the case's class (a second classification replaces the first). */
  async classify(m: EntityManager, row: CaseGovernanceEntity): Promise<void> {
    const repo = m.getRepository(CaseGovernanceEntity);
    const { caseId, ...rest } = row;
    if (await repo.findOneBy({ caseId })) await repo.update({ caseId }, rest);
    else await repo.insert(row);
  }

  /** The class an officer gave the case, if any. */
  async classOf(caseId: number): Promise<GovernanceClass | null> {
    return (await this.db.manager.getRepository(CaseGovernanceEntity).findOneBy({ caseId }))?.governanceClass ?? null;
  }
}
