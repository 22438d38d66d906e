import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeholders, selectRows } from '../../common/db';

/** The counting statement of figures on 请民警协助 records (case_assists), for 便民服务 (docs/figures.md). */
@Injectable()
export class AssistFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these cases are 请民警协助 cases. */
  async assistsAmong(caseIds: readonly number[]): Promise<Set<number>> {
    if (!caseIds.length) return new Set();
    const rows = await selectRows(this.dataSource.manager, `SELECT a.case_id AS caseId FROM case_assists a WHERE a.case_id IN (${placeholders(caseIds.length)})`, [...caseIds]);
    return new Set(rows.map((r) => Number(r.caseId)));
  }
}
