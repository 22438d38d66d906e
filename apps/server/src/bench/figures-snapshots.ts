import { CaseKind, CaseStatus } from '@jws/contracts';
import { DataSource } from 'typeorm';
import { chinaDate } from '../common/china-time';
import { insertRows, type City } from './dataset/city';

const DAY = 86_400_000;

interface Bucket {
  disputesResolved: number; services: number; prevention: number; anomalies: number;
  responseMet: number; responseDue: number; resolved: number; resolvable: number; satisfied: number; rated: number;
}
const empty = (): Bucket => ({ disputesResolved: 0, services: 0, prevention: 0, anomalies: 0, responseMet: 0, responseDue: 0, resolved: 0, resolvable: 0, satisfied: 0, rated: 0 });

/**
 * A year of daily snapshots (figures/data/figure-snapshot.entity.ts) for the bench city, derived
 * from the generated cases as the snapshot worker counts them (docs/figures.md): one row per
 * community and day for the 365 days before today, the records behind each counter, and the
 * day rows. The bench has no bulletins: 法治宣传 and 提醒告知 are 0.
 */
export async function generateSnapshots(ds: DataSource, city: City, now = Date.now()): Promise<{ days: number; rows: number; records: number }> {
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const days: string[] = [];
  for (let d = 365; d >= 1; d--) days.push(chinaDate(now - d * DAY));
  const inYear = new Set(days);
  const cases = (await q(
    `SELECT c.id, c.kind, c.status, c.rating, c.community_id AS communityId, c.created_at AS createdAt, c.resolved_at AS resolvedAt, c.closed_at AS closedAt,
            d.due_at AS dueAt, d.met_at AS metAt
       FROM cases c JOIN case_deadlines d ON d.case_id = c.id AND d.kind = 'first_response'`,
  )) as { id: number; kind: CaseKind; status: CaseStatus; rating: number | null; communityId: number; createdAt: Date; resolvedAt: Date | null; closedAt: Date | null; dueAt: Date; metAt: Date | null }[];
  const buckets = new Map<string, Bucket>();
  const records: unknown[][] = [];
  const pathOf = new Map(city.communities.map((c) => [c.id, c.path]));
  const bucket = (day: string, communityId: number) => {
    const key = `${day}|${communityId}`;
    if (!buckets.has(key)) buckets.set(key, empty());
    return buckets.get(key) as Bucket;
  };
  const count = (counter: 'disputesResolved' | 'services' | 'prevention' | 'anomalies', at: Date | null, c: (typeof cases)[number]) => {
    if (!at) return;
    const day = chinaDate(at.getTime());
    if (!inYear.has(day)) return;
    bucket(day, c.communityId)[counter]++;
    records.push([day, c.communityId, pathOf.get(c.communityId), counter, 'case', c.id, at]);
  };
  for (const c of cases) {
    if (c.kind === CaseKind.Dispute) count('disputesResolved', c.resolvedAt, c);
    if (c.kind === CaseKind.ServiceNeed && c.status === CaseStatus.Closed) count('services', c.closedAt, c);
    if (c.kind === CaseKind.Hazard) count('prevention', c.resolvedAt, c);
    if (c.kind === CaseKind.Anomaly || c.kind === CaseKind.CrimeLead) count('anomalies', c.createdAt, c);
    const day = chinaDate(c.createdAt.getTime());
    if (!inYear.has(day)) continue;
    const b = bucket(day, c.communityId);
    if (c.metAt || c.dueAt.getTime() <= now) b.responseDue++;
    if (c.metAt && c.metAt.getTime() <= c.dueAt.getTime()) b.responseMet++;
    if (c.status !== CaseStatus.Rejected && c.status !== CaseStatus.Duplicate) b.resolvable++;
    if (c.status === CaseStatus.Closed) b.resolved++;
    if (c.rating !== null) b.rated++;
    if (c.rating !== null && c.rating >= 4) b.satisfied++;
  }
  const columns = ['day', 'community_id', 'org_path', 'publicity', 'notices', 'disputes_resolved', 'services', 'prevention', 'anomalies', 'response_met', 'response_due', 'resolved', 'resolvable', 'satisfied', 'rated'];
  let rows: unknown[][] = [];
  let written = 0;
  for (const day of days) {
    for (const community of city.communities) {
      const b = buckets.get(`${day}|${community.id}`) ?? empty();
      rows.push([day, community.id, community.path, 0, 0, b.disputesResolved, b.services, b.prevention, b.anomalies, b.responseMet, b.responseDue, b.resolved, b.resolvable, b.satisfied, b.rated]);
      if (rows.length === 2000) {
        await insertRows(q, 'figure_snapshots', columns, rows);
        written += rows.length;
        rows = [];
      }
    }
  }
  await insertRows(q, 'figure_snapshots', columns, rows);
  written += rows.length;
  for (let i = 0; i < records.length; i += 2000) {
    await insertRows(q, 'figure_snapshot_records', ['day', 'community_id', 'org_path', 'counter', 'record_type', 'record_id', 'at'], records.slice(i, i + 2000));
  }
  await insertRows(q, 'figure_snapshot_days', ['day', 'made_by', 'made_at'], days.map((d) => [d, 'bench', new Date(now)]));
  return { days: days.length, rows: written, records: records.length };
}
