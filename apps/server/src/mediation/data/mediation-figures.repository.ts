import { RoomStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseDbDate } from '../../common/db-date';
import { placeholders, selectRows, TimeRange } from '../../common/db';

/**
 * Settlements of a case's mediation, online (the main room settled: `mediation_rooms.status`,
 * `closed_at`) or offline (a booking's outcome settled: `mediation_bookings.outcome_at`), each
 * case at its earliest. The case's place decides the scope (docs/figures.md), so these take case
 * ids or answer case ids and leave the scope to the cases feature.
 */
const SETTLEMENTS = `
  SELECT r.case_id AS caseId, r.closed_at AS at FROM mediation_rooms r
    WHERE r.parent_id IS NULL AND r.status = '${RoomStatus.Settled}' AND r.closed_at IS NOT NULL
  UNION ALL
  SELECT r.case_id AS caseId, b.outcome_at AS at FROM mediation_bookings b JOIN mediation_rooms r ON r.id = b.room_id
    WHERE r.parent_id IS NULL AND b.outcome = 'settled'`;

/** The counting statements of figures on the mediation feature's tables (for 化解矛盾). */
@Injectable()
export class MediationFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Cases with a settlement in the period (anywhere: the caller narrows them to a scope), at their first settlement in it. */
  async settledIn(range: TimeRange): Promise<{ caseId: number; at: Date }[]> {
    const rows = await selectRows(
      this.dataSource.manager,
      `SELECT s.caseId, MIN(s.at) AS at FROM (${SETTLEMENTS}) s WHERE s.at >= ? AND s.at < ? GROUP BY s.caseId`,
      [range.from, range.to],
    );
    return rows.map((r) => ({ caseId: Number(r.caseId), at: parseDbDate(r.at) as Date }));
  }

  /** The first settlement of each of these cases, ever (absent: never settled). */
  async firstSettledOf(caseIds: readonly number[]): Promise<Map<number, Date>> {
    if (!caseIds.length) return new Map();
    const rows = await selectRows(
      this.dataSource.manager,
      `SELECT s.caseId, MIN(s.at) AS at FROM (${SETTLEMENTS}) s WHERE s.caseId IN (${placeholders(caseIds.length)}) GROUP BY s.caseId`,
      [...caseIds],
    );
    return new Map(rows.map((r) => [Number(r.caseId), parseDbDate(r.at) as Date]));
  }
}
