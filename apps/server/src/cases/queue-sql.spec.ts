import { CaseKind, CaseStatus, TERMINAL_STATUSES } from '@jws/contracts';
import { OPEN_STATUSES, queueCountQuery, queueQuery } from './queue-sql';

const now = new Date('2026-11-24T12:00:00Z');

describe('queue SQL', () => {
  it('shows an officer their open cases: officer id, no terminal status, page by LIMIT/OFFSET', () => {
    const { sql, values } = queueQuery({ kind: 'officer', officerId: 7 }, { page: 3, pageSize: 20 }, now);
    expect(sql).toContain('c.officer_id = ? AND c.status NOT IN (?, ?, ?)');
    expect(sql).toContain('COUNT(*) OVER ()');
    expect(values).toEqual([7, ...TERMINAL_STATUSES, 20, 40]);
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
    expect(queueQuery({ kind: 'officer', officerId: 1 }, { page: 1, pageSize: 20 }, now).sql).toContain(
      'ORDER BY c.next_due_at IS NULL, c.next_due_at, c.id DESC',
    );
  });
});
