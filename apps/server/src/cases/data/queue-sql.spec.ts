import { CaseKind, CaseStatus, EscalationLevel } from '@jws/contracts';
import { OPEN_STATUSES, queueCountQuery, queueQuery, subtreeQueueScope, SUMMARY_COLUMNS } from './queue-sql';

const now = new Date('2026-11-24T12:00:00Z');

describe('queue SQL', () => {
  it('shows an officer their open cases off the queue_band index, in its order, with the count of the same range', () => {
    const { sql, values } = queueQuery({ kind: 'officer', officerId: 7 }, { page: 3, pageSize: 20 }, now);
    expect(sql).toBe(
      `SELECT ${SUMMARY_COLUMNS}, (SELECT COUNT(*) FROM cases c WHERE c.officer_id = ? AND c.queue_band IS NOT NULL) AS total ` +
        'FROM cases c INNER JOIN org_units o ON o.id = c.community_id WHERE c.officer_id = ? AND c.queue_band IS NOT NULL ' +
        'ORDER BY c.queue_band, c.next_due_at, c.id DESC LIMIT ? OFFSET ?',
    );
    expect(values).toEqual([7, 7, 20, 40]);
  });

  it("searches by case number (id and its day) or by title, and 'all' drops the status condition", () => {
    const byNumber = queueQuery({ kind: 'officer', officerId: 7 }, { q: '20261206-000009', page: 1, pageSize: 20 }, now);
    expect(byNumber.sql).toContain('c.officer_id = ? AND c.queue_band IS NOT NULL AND c.id = ? AND c.created_at >= ? AND c.created_at < ?');
    expect(byNumber.values.slice(0, 5)).toEqual([7, 9, new Date('2026-12-05T16:00:00Z'), new Date('2026-12-06T16:00:00Z'), 7]);
    const byTitle = queueQuery({ kind: 'officer', officerId: 7 }, { status: 'all', q: ' 充电_100% ', page: 1, pageSize: 20 }, now);
    expect(byTitle.sql).toContain("FROM cases c WHERE c.officer_id = ? AND c.title LIKE ? ESCAPE '!' ORDER BY");
    expect(byTitle.values).toEqual([7, '%充电!_100!%%', 20, 0]);
  });

  it('filters the open queue of an officer as overdue, and a status filter on status instead', () => {
    const overdue = queueQuery({ kind: 'officer', officerId: 7 }, { overdue: true, kind: CaseKind.Dispute, page: 1, pageSize: 20 }, now);
    expect(overdue.sql).toContain('WHERE c.officer_id = ? AND c.queue_band IS NOT NULL AND c.kind = ? AND c.next_due_at < ? ORDER BY');
    expect(overdue.values).toEqual([7, CaseKind.Dispute, now, 7, CaseKind.Dispute, now, 20, 0]);
    const closed = queueQuery({ kind: 'officer', officerId: 7 }, { status: CaseStatus.Closed, page: 1, pageSize: 20 }, now);
    expect(closed.sql).toContain('COUNT(*) OVER () AS total FROM cases c WHERE c.officer_id = ? AND c.status = ? ORDER BY c.next_due_at IS NULL');
    expect(closed.values).toEqual([7, CaseStatus.Closed, 20, 0]);
  });

  it("reads a station's open queue off the station_id index like an officer's, and other subtrees by path prefix", () => {
    expect(subtreeQueueScope('/1/2/3/')).toEqual({ kind: 'station', stationId: 3 });
    expect(subtreeQueueScope('/1/2/')).toEqual({ kind: 'subtree', pathPrefix: '/1/2/' });
    expect(subtreeQueueScope('/1/')).toEqual({ kind: 'subtree', pathPrefix: '/1/' });
    const { sql, values } = queueQuery(subtreeQueueScope('/1/2/3/'), { page: 1, pageSize: 20 }, now);
    expect(sql).toBe(
      `SELECT ${SUMMARY_COLUMNS}, (SELECT COUNT(*) FROM cases c WHERE c.station_id = ? AND c.queue_band IS NOT NULL) AS total ` +
        'FROM cases c INNER JOIN org_units o ON o.id = c.community_id WHERE c.station_id = ? AND c.queue_band IS NOT NULL ' +
        'ORDER BY c.queue_band, c.next_due_at, c.id DESC LIMIT ? OFFSET ?',
    );
    expect(values).toEqual([3, 3, 20, 0]);
    const closed = queueQuery({ kind: 'station', stationId: 3 }, { status: CaseStatus.Closed, page: 1, pageSize: 20 }, now);
    expect(closed.sql).toContain('FROM cases c WHERE c.station_id = ? AND c.status = ? ORDER BY c.next_due_at IS NULL');
  });

  it('shows a leader the open cases of their subtree by path prefix and open statuses', () => {
    const { sql, values } = queueQuery({ kind: 'subtree', pathPrefix: '/1/2/' }, { page: 1, pageSize: 10 }, now);
    expect(sql).toContain('c.org_path LIKE ? AND c.status IN (');
    expect(values).toEqual(['/1/2/%', ...OPEN_STATUSES, 10, 0]);
  });

  it('lets a status filter replace the open-status condition, and adds kind, community and overdue', () => {
    const filter = { status: CaseStatus.Closed, kind: CaseKind.Hazard, communityId: 9, overdue: true, page: 1, pageSize: 20 };
    const { sql, values } = queueCountQuery({ kind: 'self', reporterKeys: ['k', 's'] }, filter, now);
    expect(sql).toBe('SELECT COUNT(*) AS n FROM cases c WHERE c.reporter_key IN (?, ?) AND c.status = ? AND c.kind = ? AND c.community_id = ? AND c.next_due_at < ?');
    expect(values).toEqual(['k', 's', CaseStatus.Closed, CaseKind.Hazard, 9, now]);
  });

  it('sorts overdue first by sorting on the deadline, deadline-less cases last, newest first on ties', () => {
    expect(queueQuery({ kind: 'subtree', pathPrefix: '/1/' }, { page: 1, pageSize: 20 }, now).sql).toContain(
      'ORDER BY c.next_due_at IS NULL, c.next_due_at, c.id DESC',
    );
  });

  it('lists a leader\'s 督办 as the open cases of their subtree at the given escalation levels, most overdue first', () => {
    const levels = [EscalationLevel.StationSupervising, EscalationLevel.BranchUrging];
    const { sql, values } = queueQuery({ kind: 'subtree', pathPrefix: '/1/2/3/' }, { escalations: levels, page: 2, pageSize: 20 }, now);
    expect(sql).toContain(`FROM cases c WHERE c.org_path LIKE ? AND c.status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) AND c.escalation IN (?, ?) ORDER BY c.next_due_at IS NULL, c.next_due_at, c.id DESC LIMIT ? OFFSET ?`);
    expect(values).toEqual(['/1/2/3/%', ...OPEN_STATUSES, 2, 3, 20, 20]);
    // No levels (a role without a 督办 list) matches nothing, never every case.
    expect(queueCountQuery({ kind: 'subtree', pathPrefix: '/1/' }, { escalations: [], page: 1, pageSize: 20 }, now).sql).toContain('AND 1 = 0');
  });
});
