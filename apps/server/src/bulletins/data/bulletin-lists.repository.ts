import { BulletinKind, BulletinStatus, WarningType } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Database, selectRows } from '../../common/db';
import { feedQueries } from './feed-sql';

export interface SummaryRow {
  id: number;
  kind: BulletinKind;
  warningType: WarningType | null;
  title: string;
  status: BulletinStatus;
  version: number;
  authorName: string;
  orgName: string;
  submittedAt: Date | null;
  urgent: boolean;
  reviewDueAt: Date | null;
  updatedAt: Date;
  reviewComment: string | null;
  pushCount: number;
}

export interface FeedRow {
  id: number;
  kind: BulletinKind;
  warningType: WarningType | null;
  title: string;
  pushedAt: Date;
  read: boolean;
}

/** Which bulletins a staff list shows: the caller's own, a review queue, or what the caller may push. */
export type ListFilter =
  | { mine: number; status?: BulletinStatus }
  /** 待审核 of the given kinds under the reviewer's org path. */
  | { queue: { kinds: BulletinKind[]; pathPrefix: string } }
  /** Approved bulletins on the caller's line: written at one of `ancestors` (their own unit or above) or under `below`. */
  | { pushable: { ancestors: string[]; below: string } };

const SUMMARY_SELECT =
  'SELECT b.id AS id, b.kind AS kind, b.warning_type AS warningType, v.title AS title, b.status AS status, v.version_no AS version, ' +
  'u.nickname AS authorName, o.name AS orgName, b.submitted_at AS submittedAt, b.updated_at AS updatedAt, b.review_comment AS reviewComment, ' +
  'b.urgent AS urgent, b.review_due_at AS reviewDueAt, ' +
  '(SELECT COUNT(*) FROM bulletin_pushes p WHERE p.bulletin_id = b.id) AS pushCount ' +
  'FROM bulletins b JOIN bulletin_versions v ON v.id = b.version_id JOIN users u ON u.id = b.author_id JOIN org_units o ON o.id = b.org_unit_id';

const like = (prefix: string) => `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`;
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));

/** The bulletin lists: staff lists and the residents' feed (every query an index range; docs/bulletins.md). */
@Injectable()
export class BulletinListsRepository {
  constructor(private readonly db: Database) {}

  async summaries(filter: ListFilter, page: number, pageSize: number): Promise<{ rows: SummaryRow[]; total: number }> {
    let where: string;
    let values: unknown[];
    let order = 'b.updated_at DESC, b.id DESC';
    if ('mine' in filter) {
      where = filter.status ? 'b.author_id = ? AND b.status = ?' : 'b.author_id = ?';
      values = filter.status ? [filter.mine, filter.status] : [filter.mine];
    } else if ('queue' in filter) {
      if (!filter.queue.kinds.length) return { rows: [], total: 0 };
      where = `b.status = ? AND b.org_path LIKE ? ESCAPE '!' AND b.kind IN (${filter.queue.kinds.map(() => '?').join(', ')})`;
      values = [BulletinStatus.PendingReview, like(filter.queue.pathPrefix), ...filter.queue.kinds];
      order = 'b.submitted_at ASC, b.id ASC';
    } else {
      const { ancestors, below } = filter.pushable;
      where = `b.status = ? AND (b.org_path IN (${ancestors.map(() => '?').join(', ')}) OR b.org_path LIKE ? ESCAPE '!')`;
      values = [BulletinStatus.Approved, ...ancestors, like(below)];
    }
    const [rows, count] = await Promise.all([
      selectRows(this.db.manager, `${SUMMARY_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...values, pageSize, (page - 1) * pageSize]),
      selectRows<{ n: number }>(this.db.manager, `SELECT COUNT(*) AS n FROM bulletins b WHERE ${where}`, values),
    ]);
    return {
      rows: rows.map((r) => ({
        id: Number(r.id), kind: r.kind as BulletinKind, warningType: (r.warningType as WarningType | null) ?? null, title: String(r.title),
        status: r.status as BulletinStatus, version: Number(r.version), authorName: String(r.authorName), orgName: String(r.orgName),
        submittedAt: r.submittedAt ? date(r.submittedAt) : null, updatedAt: date(r.updatedAt), reviewComment: (r.reviewComment as string | null) ?? null,
        pushCount: Number(r.pushCount), urgent: Boolean(Number(r.urgent)),
        reviewDueAt: r.reviewDueAt && r.status === BulletinStatus.PendingReview ? date(r.reviewDueAt) : null,
      })),
      total: Number(count[0]?.n ?? 0),
    };
  }

  /**
   * A reader's feed: what was pushed into their groups and has come out (定时推送 shows from its
   * time), newest first, without withdrawn bulletins, each as last approved (a later edit
   * under review does not reach readers until approved). Ranges `ix_bulletin_pushes_feed` per group.
   */
  async feed(groupIds: number[], userId: number, now: Date, kind: BulletinKind | undefined, page: number, pageSize: number): Promise<{ rows: FeedRow[]; total: number }> {
    if (!groupIds.length) return { rows: [], total: 0 };
    const q = feedQueries(groupIds, userId, now, kind, page, pageSize);
    const [rows, count] = await Promise.all([selectRows(this.db.manager, q.page.sql, q.page.values), selectRows<{ n: number }>(this.db.manager, q.count.sql, q.count.values)]);
    return {
      rows: rows.map((r) => ({
        id: Number(r.id), kind: r.kind as BulletinKind, warningType: (r.warningType as WarningType | null) ?? null, title: String(r.title),
        pushedAt: date(r.pushedAt), read: r.readAt !== null && r.readAt !== undefined,
      })),
      total: Number(count[0]?.n ?? 0),
    };
  }

  /** The author's and the org unit's names for a detail page. */
  async names(authorId: number, orgUnitId: number): Promise<{ authorName: string; orgName: string }> {
    const rows = await selectRows<{ authorName: string; orgName: string }>(
      this.db.manager,
      'SELECT u.nickname AS authorName, o.name AS orgName FROM users u, org_units o WHERE u.id = ? AND o.id = ?',
      [authorId, orgUnitId],
    );
    return { authorName: rows[0]?.authorName ?? '', orgName: rows[0]?.orgName ?? '' };
  }
}
