import { BulletinKind, BulletinStatus } from '@jws/contracts';

/**
 * The resident feed's statements (BulletinListsRepository.feed), as text and values, so `pnpm bench`
 * sends the very same SQL from its bare baseline (bench/bulletin-feed.ts): the page (pushes of the
 * reader's groups whose time has come, newest first, a bulletin listed once at its latest push,
 * withdrawn ones left out) and the total.
 */
export function feedQueries(groupIds: readonly number[], userId: number, now: Date, kind: BulletinKind | undefined, page: number, pageSize: number): {
  page: { sql: string; values: unknown[] };
  count: { sql: string; values: unknown[] };
} {
  const where = `p.group_id IN (${groupIds.map(() => '?').join(', ')}) AND p.pushed_at <= ? AND b.status <> ?${kind ? ' AND b.kind = ?' : ''}`;
  const values: unknown[] = [...groupIds, now, BulletinStatus.Withdrawn, ...(kind ? [kind] : [])];
  return {
    page: {
      sql:
        'SELECT b.id AS id, b.kind AS kind, b.warning_type AS warningType, v.title AS title, MAX(p.pushed_at) AS pushedAt, MAX(r.read_at) AS readAt ' +
        'FROM bulletin_pushes p JOIN bulletins b ON b.id = p.bulletin_id JOIN bulletin_versions v ON v.id = b.approved_version_id ' +
        `LEFT JOIN bulletin_reads r ON r.bulletin_id = b.id AND r.user_id = ? WHERE ${where} ` +
        'GROUP BY b.id, b.kind, b.warning_type, v.title ORDER BY pushedAt DESC, b.id DESC LIMIT ? OFFSET ?',
      values: [userId, ...values, pageSize, (page - 1) * pageSize],
    },
    count: { sql: `SELECT COUNT(DISTINCT p.bulletin_id) AS n FROM bulletin_pushes p JOIN bulletins b ON b.id = p.bulletin_id WHERE ${where}`, values },
  };
}
