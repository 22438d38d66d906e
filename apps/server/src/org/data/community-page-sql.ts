import { MembershipStatus, OrgLevel } from '@jws/contracts';
import type { EntityManager } from 'typeorm';
import { containsPattern, selectRows } from '../../common/db';
import type { Scope } from '../scope';

/** The columns of a community as lists show it (CommunitiesRepository.toCommunityRow reads them). */
const COMMUNITY_COLUMNS =
  'c.id AS id, c.name AS name, c.path AS path, c.officer_id AS officerId, s.id AS stationId, s.name AS stationName, b.name AS branchName, ' +
  'u.nickname AS officerName, u.work_phone AS officerPhone, u.photo_url AS officerPhotoUrl, g.name AS groupName';

/** The scope as a condition on `org_units c`, or null when it covers no community. */
function scopeCondition(scope: Scope): { sql: string; values: unknown[] } | null {
  switch (scope.kind) {
    case 'subtree':
      return { sql: 'c.path LIKE ?', values: [`${scope.pathPrefix}%`] };
    case 'officer':
      return { sql: 'c.officer_id = ?', values: [scope.officerId] };
    case 'self':
      return { sql: 'c.id IN (SELECT m2.community_id FROM memberships m2 WHERE m2.user_id = ? AND m2.status = ?)', values: [scope.userId, MembershipStatus.Active] };
    case 'none':
      return null;
  }
}

/**
 * 工作台's page of communities in hand-written SQL, in two steps: the page's ids and the total
 * from `org_units` alone (joined to the stations only to search their names), then the page's
 * rows with their station, branch, officer and group. Built per request by TypeORM's query
 * builder (three builders, two of them cloned) it cost ~0.3 ms of the service's CPU a page; in one
 * statement, a city leader's page joined all 453 communities before the LIMIT.
 */
export async function communityPage(
  m: EntityManager,
  scope: Scope,
  page: number,
  pageSize: number,
  q?: string,
  underPath?: string,
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const scoped = scopeCondition(scope);
  if (!scoped) return { rows: [], total: 0 };
  const where = ['c.level = ?', scoped.sql];
  const values: unknown[] = [OrgLevel.Community, ...scoped.values];
  if (underPath) {
    where.push('c.path LIKE ?');
    values.push(`${underPath}%`);
  }
  let from = 'org_units c';
  if (q) {
    from += ' INNER JOIN org_units s ON s.id = c.parent_id';
    where.push("(c.name LIKE ? ESCAPE '!' OR s.name LIKE ? ESCAPE '!')");
    values.push(containsPattern(q), containsPattern(q));
  }
  const condition = where.join(' AND ');
  const [paged, [counted]] = await Promise.all([
    selectRows<{ id: unknown }>(m, `SELECT c.id AS id FROM ${from} WHERE ${condition} ORDER BY c.id LIMIT ? OFFSET ?`, [...values, pageSize, (page - 1) * pageSize]),
    selectRows<{ n: unknown }>(m, `SELECT COUNT(*) AS n FROM ${from} WHERE ${condition}`, values),
  ]);
  const total = Number(counted?.n ?? 0);
  if (!paged.length) return { rows: [], total };
  const ids = paged.map((r) => Number(r.id));
  const rows = await selectRows(
    m,
    `SELECT ${COMMUNITY_COLUMNS} FROM org_units c INNER JOIN org_units s ON s.id = c.parent_id INNER JOIN org_units b ON b.id = s.parent_id ` +
      `LEFT JOIN users u ON u.id = c.officer_id LEFT JOIN police_groups g ON g.community_id = c.id WHERE c.id IN (${ids.map(() => '?').join(', ')}) ORDER BY c.id`,
    ids,
  );
  return { rows, total };
}
