import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, Like } from 'typeorm';
import { placeholders, selectRows } from '../../common/db';
import type { Scope } from '../../org/scope';
import { FigureSnapshotDayEntity, FigureSnapshotEntity, FigureSnapshotOpenCaseEntity, FigureSnapshotRecordEntity } from './figure-snapshot.entity';

/** The sums of snapshot rows: counters (publicity and notices null while no source was connected) and the rates' parts. */
export type SnapshotSums = Omit<FigureSnapshotEntity, 'id' | 'day' | 'communityId' | 'orgPath'>;

const SUM_COLUMNS: [keyof SnapshotSums, string][] = [
  ['publicity', 'publicity'], ['notices', 'notices'], ['disputesResolved', 'disputes_resolved'], ['services', 'services'],
  ['prevention', 'prevention'], ['anomalies', 'anomalies'], ['responseMet', 'response_met'], ['responseDue', 'response_due'],
  ['resolved', 'resolved'], ['resolvable', 'resolvable'], ['satisfied', 'satisfied'], ['rated', 'rated'],
];

/** The kept days of a range (`from`, `to` both included). The statement GET /api/figures sends (the bench's baseline sends it too). */
export const MADE_DAYS_SQL = 'SELECT day FROM figure_snapshot_days WHERE day >= ? AND day <= ?';

/** The sums of the snapshot rows under each of `paths` over days `from`..`to`: the statement GET /api/figures sends per node and for the ranking. */
export function snapshotSumsQuery(paths: readonly string[], from: string, to: string): { sql: string; values: unknown[] } {
  const which = `CASE ${paths.map(() => 'WHEN s.org_path LIKE ? THEN ?').join(' ')} END`;
  return {
    // The day range and the paths on ix_figure_snapshots_sums (covering): no table rows read.
    sql:
      `SELECT ${which} AS subtree, ${SUM_COLUMNS.map(([key, col]) => `SUM(s.${col}) AS ${key}`).join(', ')} FROM figure_snapshots s ` +
      `WHERE s.day >= ? AND s.day <= ? AND (${paths.map(() => 's.org_path LIKE ?').join(' OR ')}) GROUP BY subtree`,
    values: [...paths.flatMap((p) => [`${p}%`, p]), from, to, ...paths.map((p) => `${p}%`)],
  };
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Error && /ER_DUP_ENTRY|UNIQUE constraint|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);

/** What one day's snapshot writes. */
export interface SnapshotRows {
  rows: Omit<FigureSnapshotEntity, 'id'>[];
  records: Omit<FigureSnapshotRecordEntity, 'id'>[];
  openCases: Omit<FigureSnapshotOpenCaseEntity, 'id'>[];
}

/** Every statement on figure_snapshots, figure_snapshot_records, figure_snapshot_open_cases and figure_snapshot_days. */
@Injectable()
export class FigureSnapshotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The days between `from` and `to` (both included) that have their snapshot. */
  async madeDays(from: string, to: string): Promise<Set<string>> {
    const rows = await selectRows(this.dataSource.manager, MADE_DAYS_SQL, [from, to]);
    return new Set(rows.map((r) => String(r.day)));
  }

  /**
   * Writes a day's rows, once: the day's own row goes first in the same transaction, so of two
   * instances only the one whose insert wins writes (the other waits on the key, then finds it
   * taken); a failure rolls both back and the next tick tries again. False when the day was made already.
   */
  async write(
    day: string, madeBy: string, madeAt: Date,
    make: () => Promise<SnapshotRows>,
  ): Promise<boolean> {
    try {
      await this.dataSource.transaction(async (m) => {
        await m.getRepository(FigureSnapshotDayEntity).insert({ day, madeBy, madeAt });
        const { rows, records, openCases } = await make();
        for (let i = 0; i < rows.length; i += 200) await m.getRepository(FigureSnapshotEntity).insert(rows.slice(i, i + 200));
        for (let i = 0; i < records.length; i += 500) await m.getRepository(FigureSnapshotRecordEntity).insert(records.slice(i, i + 500));
        for (let i = 0; i < openCases.length; i += 500) await m.getRepository(FigureSnapshotOpenCaseEntity).insert(openCases.slice(i, i + 500));
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** The sums over days `from`..`to` of the rows under each of these (sibling) paths, keyed by path. */
  async sums(paths: readonly string[], from: string, to: string): Promise<Map<string, SnapshotSums>> {
    if (!paths.length) return new Map();
    const { sql, values } = snapshotSumsQuery(paths, from, to);
    const rows = await selectRows(this.dataSource.manager, sql, values);
    return new Map(rows.map((r) => {
      const sums = {} as Record<keyof SnapshotSums, number | null>;
      for (const [key] of SUM_COLUMNS) sums[key] = r[key] == null ? null : Number(r[key]);
      return [String(r.subtree), sums as SnapshotSums];
    }));
  }

  /** The records kept behind one counter under a path over days `from`..`to`. */
  async records(pathPrefix: string, counter: string, from: string, to: string): Promise<{ type: string; id: number; at: Date }[]> {
    const rows = await this.dataSource.getRepository(FigureSnapshotRecordEntity).find({
      select: { recordType: true, recordId: true, at: true },
      where: { orgPath: Like(`${pathPrefix}%`), counter, day: Between(from, to) },
    });
    return rows.map((r) => ({ type: r.recordType, id: r.recordId, at: r.at }));
  }

  /** The cases in handling at the end of a kept day in a scope (where they were then), with their status then. */
  async openCases(day: string, scope: Scope): Promise<{ caseId: number; communityId: number; status: string }[]> {
    const where =
      scope.kind === 'subtree' ? { day, orgPath: Like(`${scope.pathPrefix}%`) } : scope.kind === 'officer' ? { day, officerId: scope.officerId } : null;
    if (!where) return [];
    const rows = await this.dataSource.getRepository(FigureSnapshotOpenCaseEntity).find({ select: { caseId: true, communityId: true, status: true }, where });
    return rows.map((r) => ({ caseId: r.caseId, communityId: r.communityId, status: r.status }));
  }

  /** How many rows a day has (tests, and the worker's log). */
  async rowCount(day: string): Promise<number> {
    const rows = await selectRows(this.dataSource.manager, `SELECT COUNT(*) AS n FROM figure_snapshots WHERE day IN (${placeholders(1)})`, [day]);
    return Number(rows[0]?.n ?? 0);
  }
}
