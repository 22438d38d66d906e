import { Injectable } from '@nestjs/common';
import { Database } from '../../common/db';
import { CaseAssistEntity } from './case-assist.entity';

/** The officer's plan for a 请民警协助 case: who helps and how. */
export type AssistPlan = Pick<CaseAssistEntity, 'helperName' | 'mode' | 'plannedBy' | 'plannedAt'>;

/** Every statement on `case_assists`: the matter and route of a 请民警协助 case, and its plan. */
@Injectable()
export class CaseAssistsRepository {
  constructor(private readonly db: Database) {}

  /** Records a service case's matter and route once: a retried request (same case) leaves the first. */
  async insertOnce(row: CaseAssistEntity): Promise<void> {
    await this.db.manager.createQueryBuilder().insert().into(CaseAssistEntity).values(row).orIgnore().execute();
  }

  find(caseId: number): Promise<CaseAssistEntity | null> {
    return this.db.manager.getRepository(CaseAssistEntity).findOne({ where: { caseId } });
  }

  /** The plan of a case; a case without a record (not made from the guide) gets one under matter `other`. */
  async plan(caseId: number, plan: AssistPlan, withoutRecord: Omit<CaseAssistEntity, 'caseId' | keyof AssistPlan>): Promise<void> {
    const repo = this.db.manager.getRepository(CaseAssistEntity);
    if (await repo.findOne({ where: { caseId } })) await repo.update({ caseId }, plan);
    else await repo.insert({ caseId, ...withoutRecord, ...plan });
  }
}
