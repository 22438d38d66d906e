import { Injectable } from '@nestjs/common';
import { parseDbDate } from '../../common/db-date';
import { Database, execute, insertReturningId, isDuplicateKey, selectRows } from '../../common/db';
import { WechatGroupEntity } from './share.entities';

/** A WeChat group as the tools list shows it. */
export interface WechatGroupRow {
  id: number;
  groupId: number | null;
  groupName: string | null;
  firstBulletinTitle: string;
  firstSeenAt: Date;
  sharedByName: string | null;
  openers: number;
}

/** Who sees a WeChat group in their list: the police sharer (an officer), or leaders over the sharer's unit. */
export type SharerScope = { sharedBy: number } | { pathPrefix: string };

/** Shares, WeChat groups (openGId) and opens from group cards (docs/bulletins.md). */
@Injectable()
export class SharesRepository {
  constructor(private readonly db: Database) {}

  recordShare(bulletinId: number, userId: number, now: Date): Promise<number> {
    return insertReturningId(this.db.manager, 'INSERT INTO bulletin_shares (bulletin_id, user_id, created_at) VALUES (?, ?, ?)', [bulletinId, userId, now]);
  }

  async share(id: number): Promise<{ bulletinId: number; userId: number } | null> {
    const rows = await selectRows<{ bulletinId: number; userId: number }>(this.db.manager, 'SELECT bulletin_id AS bulletinId, user_id AS userId FROM bulletin_shares WHERE id = ?', [id]);
    return rows[0] ? { bulletinId: Number(rows[0].bulletinId), userId: Number(rows[0].userId) } : null;
  }

  byId(id: number): Promise<WechatGroupEntity | null> {
    return this.db.manager.getRepository(WechatGroupEntity).findOne({ where: { id } });
  }

  /**
   * The WeChat group of this openGId, made on its first sighting. A police sharer (`sharer`)
   * places a group no police card placed yet, so it shows in their pending list.
   */
  async seen(openGid: string, bulletinId: number, sharer: { userId: number; orgPath: string } | null, now: Date): Promise<WechatGroupEntity> {
    const repo = this.db.manager.getRepository(WechatGroupEntity);
    try {
      await execute(this.db.manager, 'INSERT INTO wechat_groups (open_gid, group_id, first_bulletin_id, first_seen_at, shared_by, org_path) VALUES (?, NULL, ?, ?, ?, ?)',
        [openGid, bulletinId, now, sharer?.userId ?? null, sharer?.orgPath ?? null]);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (sharer) {
        await repo.createQueryBuilder().update().set({ sharedBy: sharer.userId, orgPath: sharer.orgPath })
          .where('open_gid = :openGid AND shared_by IS NULL AND group_id IS NULL', { openGid }).execute();
      }
    }
    return (await repo.findOne({ where: { openGid } }))!;
  }

  /** One open per person, bulletin and WeChat group; again changes nothing. */
  async recordOpen(bulletinId: number, wechatGroupId: number, userId: number, shareId: number | null, now: Date): Promise<void> {
    try {
      await execute(this.db.manager, 'INSERT INTO bulletin_opens (bulletin_id, wechat_group_id, user_id, share_id, opened_at) VALUES (?, ?, ?, ?, ?)',
        [bulletinId, wechatGroupId, userId, shareId, now]);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Binds a pending WeChat group; 'taken' when the police group has another one, 'bound' when this one was bound meanwhile. */
  async bind(id: number, groupId: number, userId: number, now: Date): Promise<'ok' | 'taken' | 'bound'> {
    try {
      const result = await this.db.manager.getRepository(WechatGroupEntity).createQueryBuilder().update()
        .set({ groupId, boundBy: userId, boundAt: now })
        .where('id = :id AND group_id IS NULL', { id }).execute();
      return result.affected ? 'ok' : 'bound';
    } catch (err) {
      if (isDuplicateKey(err)) return 'taken';
      throw err;
    }
  }

  /** The WeChat groups placed in the scope, pending or bound, newest first (at most 100). */
  async list(scope: SharerScope, status: 'pending' | 'bound' | undefined, ids?: number[]): Promise<WechatGroupRow[]> {
    const where = ['sharedBy' in scope ? 'w.shared_by = ?' : "w.org_path LIKE ? ESCAPE '!'"];
    const values: unknown[] = ['sharedBy' in scope ? scope.sharedBy : `${scope.pathPrefix.replace(/[!%_]/g, (c) => `!${c}`)}%`];
    if (status) where.push(status === 'pending' ? 'w.group_id IS NULL' : 'w.group_id IS NOT NULL');
    if (ids) {
      where.push(`w.id IN (${ids.map(() => '?').join(', ')})`);
      values.push(...ids);
    }
    const rows = await selectRows(
      this.db.manager,
      'SELECT w.id AS id, w.group_id AS groupId, g.name AS groupName, v.title AS title, w.first_seen_at AS firstSeenAt, u.nickname AS sharedByName, ' +
        '(SELECT COUNT(DISTINCT o.user_id) FROM bulletin_opens o WHERE o.wechat_group_id = w.id) AS openers ' +
        'FROM wechat_groups w JOIN bulletins b ON b.id = w.first_bulletin_id JOIN bulletin_versions v ON v.id = COALESCE(b.approved_version_id, b.version_id) ' +
        'LEFT JOIN police_groups g ON g.id = w.group_id LEFT JOIN users u ON u.id = w.shared_by ' +
        `WHERE ${where.join(' AND ')} ORDER BY w.first_seen_at DESC, w.id DESC LIMIT 100`,
      values,
    );
    return rows.map((r) => ({
      id: Number(r.id), groupId: r.groupId === null ? null : Number(r.groupId), groupName: (r.groupName as string | null) ?? null,
      firstBulletinTitle: String(r.title), firstSeenAt: parseDbDate(r.firstSeenAt)!, sharedByName: (r.sharedByName as string | null) ?? null, openers: Number(r.openers),
    }));
  }

  /** A bulletin's shares and card opens (any WeChat group), and its openers per bound police group. */
  async figuresOf(bulletinId: number): Promise<{ shares: number; opens: number; openersByGroup: Map<number, number[]> }> {
    const [shares, opens, bound] = await Promise.all([
      selectRows<{ n: number }>(this.db.manager, 'SELECT COUNT(*) AS n FROM bulletin_shares WHERE bulletin_id = ?', [bulletinId]),
      selectRows<{ n: number }>(this.db.manager, 'SELECT COUNT(*) AS n FROM bulletin_opens WHERE bulletin_id = ?', [bulletinId]),
      selectRows<{ groupId: number; userId: number }>(
        this.db.manager,
        'SELECT w.group_id AS groupId, o.user_id AS userId FROM bulletin_opens o JOIN wechat_groups w ON w.id = o.wechat_group_id WHERE o.bulletin_id = ? AND w.group_id IS NOT NULL',
        [bulletinId],
      ),
    ]);
    const openersByGroup = new Map<number, number[]>();
    for (const r of bound) openersByGroup.set(Number(r.groupId), [...(openersByGroup.get(Number(r.groupId)) ?? []), Number(r.userId)]);
    return { shares: Number(shares[0]?.n ?? 0), opens: Number(opens[0]?.n ?? 0), openersByGroup };
  }
}
