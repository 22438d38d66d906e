import { MembershipStatus, OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, entityColumns, selectRows, UnitOfWork, valueTuples } from '../../common/db';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseSealedReporterEntity } from './case-sealed-reporter.entity';
import { CaseEntity } from './case.entity';

/** The reporter's community as a report needs it (one row per community and station leader). */
export interface ContextRow {
  requestHash: string | null;
  earlierCaseId: number | null;
  communityId: number | null;
  name: string | null;
  path: string | null;
  officerId: number | null;
  officerName: string | null;
  stationLeaderId: number | null;
}

/** The case page's case row with its community's and officer's names and its reporter. */
export interface CasePageRow {
  entity: CaseEntity;
  communityName: string;
  officerName: string | null;
  reporter: { nickname: string; phone: string | null } | null;
}

/**
 * The hot paths of the case tables in hand-written SQL (common/db/sql.ts): submitting a report
 * (上报) inside a unit of work, and reading the case page. Column lists and the encrypted columns
 * come from the entities' metadata (common/db/entity-columns.ts).
 */
@Injectable()
export class CaseReportsRepository {
  constructor(private readonly db: Database) {}

  /**
   * What a submission needs to know first, in one statement: an earlier use of its key, and the
   * reporter's active communities with each officer's name and, when `alertsStation`, each
   * community's station leaders. The one-row derived table keeps a row when there is neither.
   */
  async submissionContext(userId: number, userKey: string, key: string, alertsStation: boolean): Promise<ContextRow[]> {
    const rows = await selectRows(
      this.db.manager,
      'SELECT k.request_hash AS requestHash, k.case_id AS earlierCaseId, o.id AS id, o.name AS name, o.path AS path, ' +
        `o.officer_id AS officerId, u.nickname AS officerName${alertsStation ? ', sl.id AS stationLeaderId' : ''} FROM (SELECT ? AS uid) me ` +
        'LEFT JOIN idempotency_keys k ON k.user_key = ? AND k.`key` = ? ' +
        'LEFT JOIN memberships m ON m.user_id = me.uid AND m.status = ? ' +
        'LEFT JOIN org_units o ON o.id = m.community_id LEFT JOIN users u ON u.id = o.officer_id ' +
        (alertsStation ? 'LEFT JOIN users sl ON sl.org_unit_id = o.parent_id AND sl.role = ? AND sl.disabled = ? ORDER BY m.id, sl.id' : 'ORDER BY m.id'),
      [userId, userKey, key, MembershipStatus.Active, ...(alertsStation ? [Role.StationLeader, false] : [])],
    );
    const int = (v: unknown) => (v == null ? null : Number(v));
    const text = (v: unknown) => (v == null ? null : String(v));
    return rows.map((r) => ({
      requestHash: text(r.requestHash),
      earlierCaseId: int(r.earlierCaseId),
      communityId: int(r.id),
      name: text(r.name),
      path: text(r.path),
      officerId: int(r.officerId),
      officerName: text(r.officerName),
      stationLeaderId: int(r.stationLeaderId),
    }));
  }

  /** A community (the place a partner's report goes to), or null when there is no such community. */
  async community(id: number): Promise<{ id: number; name: string; path: string; officerId: number | null } | null> {
    const [row] = await selectRows(this.db.manager, 'SELECT id, name, path, officer_id FROM org_units WHERE id = ? AND level = ?', [id, OrgLevel.Community]);
    return row ? { id: Number(row.id), name: String(row.name), path: String(row.path), officerId: row.officer_id == null ? null : Number(row.officer_id) } : null;
  }

  /** The earlier submission with this key, if any. */
  async earlier(userKey: string, key: string): Promise<{ requestHash: string; caseId: number } | null> {
    const [row] = await selectRows<{ request_hash: string; case_id: number | string }>(
      this.db.manager,
      'SELECT request_hash, case_id FROM idempotency_keys WHERE user_key = ? AND `key` = ?',
      [userKey, key],
    );
    return row ? { requestHash: row.request_hash, caseId: Number(row.case_id) } : null;
  }

  /** Inserts the case row now (the unit's first statement on MySQL); returns its id. Encrypted columns are encrypted. */
  insertCase(uow: UnitOfWork, entity: CaseEntity): Promise<number> {
    const columns = entityColumns(uow.manager, CaseEntity);
    return uow.insert(
      `INSERT INTO cases (${columns.insertColumns.join(', ')}) VALUES ${valueTuples(1, columns.insertColumns.length)}`,
      columns.insertValues(entity),
    );
  }

  /** The case's deadlines, with the unit's closing writes. */
  addDeadlines(uow: UnitOfWork, deadlines: CaseDeadlineEntity[]): void {
    const columns = entityColumns(uow.manager, CaseDeadlineEntity);
    uow.later(
      `INSERT INTO case_deadlines (${columns.insertColumns.join(', ')}) VALUES ${valueTuples(deadlines.length, columns.insertColumns.length)}`,
      deadlines.flatMap((d) => columns.insertValues(d)),
    );
  }

  /** The submission's Idempotency-Key (the submitter as a keyed hash), with the unit's closing writes. */
  addIdempotencyKey(uow: UnitOfWork, row: { userKey: string; key: string; requestHash: string; caseId: number; createdAt: Date }): void {
    uow.later('INSERT INTO idempotency_keys (user_key, `key`, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      row.userKey, row.key, row.requestHash, row.caseId, row.createdAt,
    ]);
  }

  /** The sealed identity of an informant's report (encrypted by its entity's column). */
  async addSealedReporter(m: EntityManager, caseId: number, reporterId: number): Promise<void> {
    await m.getRepository(CaseSealedReporterEntity).insert({ caseId, reporterId: String(reporterId) });
  }

  /**
   * The case page's case row: the case with its community's and officer's names and the reporter
   * (phone decrypted by the users table's own column metadata), in one statement.
   */
  async pageRow(caseId: number, m: EntityManager = this.db.manager): Promise<CasePageRow | null> {
    const cases = entityColumns(m, CaseEntity);
    const users = entityColumns(m, 'users');
    const [row] = await selectRows(
      m,
      `SELECT ${cases.select('c')}, o.name AS community_name, ou.nickname AS officer_nickname, ru.id AS reporter_user_id, ` +
        'ru.nickname AS reporter_nickname, ru.phone_enc AS reporter_phone_enc FROM cases c LEFT JOIN org_units o ON o.id = c.community_id ' +
        'LEFT JOIN users ou ON ou.id = c.officer_id LEFT JOIN users ru ON ru.id = c.reporter_id WHERE c.id = ?',
      [caseId],
    );
    if (!row) return null;
    return {
      entity: cases.fromRow(row),
      communityName: row.community_name == null ? '' : String(row.community_name),
      officerName: row.officer_nickname == null ? null : String(row.officer_nickname),
      reporter:
        row.reporter_user_id == null
          ? null
          : { nickname: String(row.reporter_nickname), phone: users.read('phone_enc', row.reporter_phone_enc) as string | null },
    };
  }

  /** The case's timeline and deadlines in id order, read together. */
  async eventsAndDeadlines(caseId: number, m: EntityManager = this.db.manager): Promise<{ events: CaseEventEntity[]; deadlines: CaseDeadlineEntity[] }> {
    const events = entityColumns(m, CaseEventEntity);
    const deadlines = entityColumns(m, CaseDeadlineEntity);
    const [e, d] = await Promise.all([
      selectRows(m, `SELECT ${events.select('e')} FROM case_events e WHERE e.case_id = ? ORDER BY e.id`, [caseId]),
      selectRows(m, `SELECT ${deadlines.select('d')} FROM case_deadlines d WHERE d.case_id = ? ORDER BY d.id`, [caseId]),
    ]);
    return { events: e.map((r) => events.fromRow(r)), deadlines: d.map((r) => deadlines.fromRow(r)) };
  }
}
