import { CaseKind, CaseStatus, EscalationLevel, TERMINAL_STATUSES } from '@jws/contracts';
import { containsPattern } from '../common/db';
import { parseCaseNumber } from './case-number';

/**
 * The SQL of the handling queue, in one dependency-free place: CasesRepository sends it, and the
 * bench's bare node:http + mysql2 baseline sends exactly the same statement.
 */

/** Every status that is not terminal: what the queue shows by default. */
export const OPEN_STATUSES: readonly CaseStatus[] = Object.values(CaseStatus).filter((s) => !TERMINAL_STATUSES.includes(s));

/** What the queue filters on; the scope is the caller's and always applies. */
export interface QueueFilter {
  /** One status, or 'all' (open and closed); unset: open. */
  status?: CaseStatus | 'all';
  /** A case number (that case) or words of a title. */
  q?: string;
  kind?: CaseKind;
  communityId?: number;
  overdue?: boolean;
  /**
   * 督办: only cases escalated to one of these levels. Written as IN, not >=, so that
   * ix_cases_escalated (escalation, org_path, …) is read as one narrow range per level.
   */
  escalations?: readonly EscalationLevel[];
  page: number;
  pageSize: number;
}

/**
 * The scope condition in SQL terms (CasesRepository.scopeCondition maps a Scope to this): a
 * subtree's org_path prefix, an officer's id or a resident's reporter key.
 */
export type QueueScope =
  | { kind: 'subtree'; pathPrefix: string }
  | { kind: 'station'; stationId: number }
  | { kind: 'officer'; officerId: number }
  | { kind: 'self'; reporterKeys: string[] };

/**
 * A subtree that is one station's (`/city/branch/station/`) as a station scope, whose cases carry
 * `station_id` (migration StationQueue1765000000000); any other subtree as it is.
 */
export function subtreeQueueScope(pathPrefix: string): QueueScope {
  const ids = pathPrefix.split('/').filter(Boolean);
  return ids.length === 3 ? { kind: 'station', stationId: Number(ids[2]) } : { kind: 'subtree', pathPrefix };
}

export const SUMMARY_COLUMNS =
  'c.id AS id, c.kind AS kind, c.subcategory AS subcategory, c.title AS title, c.status AS status, ' +
  'c.community_id AS communityId, o.name AS communityName, c.created_at AS createdAt, c.next_due_at AS nextDueAt, ' +
  'c.escalation AS escalation, c.serious_risk AS seriousRisk, c.held_for_review AS heldForReview';

/**
 * Overdue first, then by the nearest deadline, cases without one last; newest first on ties.
 * "Overdue" is a deadline before now, so ascending deadlines already put every overdue case
 * before every other one: no rank against the clock is needed.
 */
export const QUEUE_ORDER = 'ORDER BY c.next_due_at IS NULL, c.next_due_at, c.id DESC';

/**
 * The same order for open cases on `queue_band` (migration QueueDue1764700000000: 0 open with a
 * deadline, 1 open without, NULL terminal), which ix_cases_officer_due (officer_id, queue_band,
 * next_due_at, id DESC) and ix_cases_station_due (station_id, …) hold in this very order.
 */
export const OPEN_QUEUE_ORDER = 'ORDER BY c.queue_band, c.next_due_at, c.id DESC';

/**
 * An officer's or a station's open queue (no status filter): the reads served in index order by
 * ix_cases_officer_due and ix_cases_station_due.
 */
const isIndexedOpenQueue = (scope: QueueScope, filter: { status?: CaseStatus | 'all' }): boolean =>
  (scope.kind === 'officer' || scope.kind === 'station') && !filter.status;

/** WHERE clause (alias c) and its values for a scope and the filters. */
export function queueWhere(scope: QueueScope, filter: Omit<QueueFilter, 'page' | 'pageSize'>, now: Date): { where: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  switch (scope.kind) {
    case 'subtree':
      parts.push('c.org_path LIKE ?');
      values.push(`${scope.pathPrefix}%`);
      break;
    case 'station':
      parts.push('c.station_id = ?');
      values.push(scope.stationId);
      break;
    case 'officer':
      parts.push('c.officer_id = ?');
      values.push(scope.officerId);
      break;
    case 'self':
      parts.push(`c.reporter_key IN (${scope.reporterKeys.map(() => '?').join(', ')})`);
      values.push(...scope.reporterKeys);
      break;
  }
  if (filter.status === 'all') {
    // Open and closed alike: the scope alone.
  } else if (filter.status) {
    parts.push('c.status = ?');
    values.push(filter.status);
  } else if (scope.kind === 'subtree') {
    // "Open" is written three ways, for the index each scope uses. A subtree's org_path LIKE is
    // a range, so its index (ix_cases_open_queue) leads with status: equalities there keep the
    // scan to the subtree's open cases. An officer's or a station's open queue is a range of
    // ix_cases_officer_due or ix_cases_station_due (queue_band is NULL exactly when the case is
    // terminal). A resident's own cases are few; NOT IN spares the optimizer probing every open
    // status there.
    parts.push(`c.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
    values.push(...OPEN_STATUSES);
  } else if (isIndexedOpenQueue(scope, filter)) {
    // Open is queue_band IS NOT NULL: the index range after officer_id or station_id.
    parts.push('c.queue_band IS NOT NULL');
  } else {
    parts.push(`c.status NOT IN (${TERMINAL_STATUSES.map(() => '?').join(', ')})`);
    values.push(...TERMINAL_STATUSES);
  }
  if (filter.kind) {
    parts.push('c.kind = ?');
    values.push(filter.kind);
  }
  if (filter.communityId) {
    parts.push('c.community_id = ?');
    values.push(filter.communityId);
  }
  if (filter.overdue) {
    parts.push('c.next_due_at < ?');
    values.push(now);
  }
  if (filter.escalations) {
    // An empty list matches nothing rather than everything.
    parts.push(filter.escalations.length ? `c.escalation IN (${filter.escalations.map(() => '?').join(', ')})` : '1 = 0');
    values.push(...filter.escalations);
  }
  const q = filter.q?.trim();
  if (q) {
    const number = parseCaseNumber(q);
    if (number) {
      parts.push('c.id = ? AND c.created_at >= ? AND c.created_at < ?');
      values.push(number.id, number.from, number.to);
    } else {
      parts.push("c.title LIKE ? ESCAPE '!'");
      values.push(containsPattern(q));
    }
  }
  return { where: parts.join(' AND '), values };
}

/**
 * One statement for the page and the total.
 * - An officer's or a station's open queue reads the page straight off ix_cases_officer_due or
 *   ix_cases_station_due, in order, and counts the same index range in an uncorrelated subquery
 *   (evaluated once): twenty row reads and a count of a few dozen (a station: a few hundred)
 *   index entries, no temporary table and no sort.
 * - Every other queue picks the page on ids alone, in a derived table the scope index covers
 *   (scope column, status, next_due_at and the primary key) and which also counts the whole
 *   result (COUNT(*) OVER ()); only the page's rows are then read and joined. A wide scope thus
 *   costs an index range scan and a sort of ids, not a row read per open case.
 */
export function queueQuery(scope: QueueScope, filter: QueueFilter, now: Date): { sql: string; values: unknown[] } {
  const { where, values } = queueWhere(scope, filter, now);
  const limit = [filter.pageSize, (filter.page - 1) * filter.pageSize];
  if (isIndexedOpenQueue(scope, filter)) {
    return {
      sql:
        `SELECT ${SUMMARY_COLUMNS}, (SELECT COUNT(*) FROM cases c WHERE ${where}) AS total ` +
        `FROM cases c INNER JOIN org_units o ON o.id = c.community_id WHERE ${where} ${OPEN_QUEUE_ORDER} LIMIT ? OFFSET ?`,
      values: [...values, ...values, ...limit],
    };
  }
  return {
    sql:
      `SELECT ${SUMMARY_COLUMNS}, p.total AS total ` +
      `FROM (SELECT c.id AS id, COUNT(*) OVER () AS total FROM cases c WHERE ${where} ${QUEUE_ORDER} LIMIT ? OFFSET ?) p ` +
      `INNER JOIN cases c ON c.id = p.id INNER JOIN org_units o ON o.id = c.community_id ${QUEUE_ORDER}`,
    values: [...values, ...limit],
  };
}

/** The count alone, for a page past the last one (no row carries the total there). */
export function queueCountQuery(scope: QueueScope, filter: QueueFilter, now: Date): { sql: string; values: unknown[] } {
  const { where, values } = queueWhere(scope, filter, now);
  return { sql: `SELECT COUNT(*) AS n FROM cases c WHERE ${where}`, values };
}
