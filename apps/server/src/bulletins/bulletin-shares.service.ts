import {
  BULLETIN_PAGE, BulletinOpenRequest, BulletinOpenResponse, BulletinShareResponse, BulletinStatus, ErrorCode, Permission, WechatGroupStatus, WechatGroupView,
} from '@jws/contracts';
import { decryptShareInfo, WechatDecryptError } from '@jws/wechat';
import { Inject, Injectable } from '@nestjs/common';
import { Access, type Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Accounts, callerFor } from '../identity';
import { GroupsApi } from '../org';
import { GROUP_PUSH_RULE, READ_RULE } from './bulletin-rules';
import { BulletinsService } from './bulletins.service';
import { BulletinReadsRepository } from './data/bulletin-reads.repository';
import { SharerScope, SharesRepository, WechatGroupRow } from './data/shares.repository';

/** A WeChat group is bound by police over the sharer whose card placed it: the sharer, and leaders over their unit. */
const BIND_RULE: Rule = [{ permission: Permission.BulletinPush, within: 'jurisdiction' }];

const view = (r: WechatGroupRow): WechatGroupView => ({
  id: r.id, status: r.groupId === null ? 'pending' : 'bound', groupId: r.groupId, groupName: r.groupName,
  firstBulletinTitle: r.firstBulletinTitle, firstSeenAt: r.firstSeenAt.toISOString(), sharedByName: r.sharedByName, openers: r.openers,
});

/**
 * Share cards and the real WeChat group (docs/bulletins.md): shares, opens from group cards (the
 * group's openGId decrypted here with the opener's session_key, which never leaves the service)
 * and binding a WeChat group to a police group.
 */
@Injectable()
export class BulletinSharesService {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly shares: SharesRepository,
    private readonly reads: BulletinReadsRepository,
    private readonly accounts: Accounts,
    private readonly groups: GroupsApi,
    private readonly access: Access,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 分享: anyone who reads a bulletin that is out may share it; the card's path carries the share. */
  async share(caller: Caller, id: number): Promise<BulletinShareResponse> {
    const { bulletin } = await this.bulletins.require(caller, id, READ_RULE);
    if (bulletin.status === BulletinStatus.Withdrawn || bulletin.approvedVersionId === null) throw new DomainException(ErrorCode.BulletinStateInvalid);
    const shareId = await this.shares.recordShare(id, caller.user.id, new Date());
    return { shareId, path: `${BULLETIN_PAGE}?id=${id}&share=${shareId}` };
  }

  /**
   * An open from a card in a WeChat group: decrypts getShareInfo's data with the caller's stored
   * session_key to the group's openGId, records the WeChat group (placed by a police sharer's card)
   * and the open, and marks the bulletin read. A key that does not open it: 400 WECHAT_SESSION_STALE.
   */
  async open(caller: Caller, id: number, input: BulletinOpenRequest): Promise<BulletinOpenResponse> {
    await this.bulletins.require(caller, id, READ_RULE);
    const sessionKey = (await this.accounts.find(caller.user.id))?.sessionKey;
    if (!sessionKey) throw new DomainException(ErrorCode.WechatSessionStale);
    let openGId: string;
    try {
      openGId = decryptShareInfo(sessionKey, input.encryptedData, input.iv, this.config.wechat.appId).openGId;
    } catch (err) {
      if (!(err instanceof WechatDecryptError)) throw err;
      throw new DomainException(err.reason === 'stale' ? ErrorCode.WechatSessionStale : ErrorCode.ShareInfoInvalid);
    }
    const now = new Date();
    const share = input.shareId ? await this.shares.share(input.shareId) : null;
    const fromThis = share && share.bulletinId === id ? share : null;
    const wechatGroup = await this.shares.seen(openGId, id, fromThis ? await this.policeSharer(fromThis.userId) : null, now);
    await this.shares.recordOpen(id, wechatGroup.id, caller.user.id, fromThis ? input.shareId! : null, now);
    await this.reads.markRead(id, caller.user.id, now);
    return { counted: true, bound: wechatGroup.groupId !== null };
  }

  /** The sharer when they are police (whose card places a WeChat group for binding), with their unit's path. */
  private async policeSharer(userId: number): Promise<{ userId: number; orgPath: string } | null> {
    const user = await this.accounts.find(userId);
    if (!user?.orgUnitId) return null;
    const orgPath = (await this.groups.unit(user.orgUnitId))?.path ?? null;
    return orgPath && callerFor(user, orgPath).permissions.has(Permission.BulletinPush) ? { userId, orgPath } : null;
  }

  /** The WeChat groups the caller's cards (an officer) or their unit's police's cards (leaders) were opened from. */
  async list(caller: Caller, status?: WechatGroupStatus): Promise<WechatGroupView[]> {
    const scope = this.sharerScope(caller);
    return scope ? (await this.shares.list(scope, status)).map(view) : [];
  }

  private sharerScope(caller: Caller): SharerScope | null {
    if (caller.scope.kind === 'officer') return { sharedBy: caller.user.id };
    if (caller.scope.kind === 'subtree') return { pathPrefix: caller.scope.pathPrefix };
    return null;
  }

  /**
   * Binds a pending WeChat group to a police group in the caller's jurisdiction. Either outside
   * what the caller may bind: 404 on record. Already bound (either side): 409. Audited.
   */
  async bind(caller: Caller, id: number, groupId: number): Promise<WechatGroupView> {
    await this.access.require(caller, { type: 'wechat_group', id }, await this.shares.byId(id),
      (w) => ({ place: w.orgPath ? { path: w.orgPath, officerId: w.sharedBy } : 'unplaced' }), BIND_RULE);
    const [found] = await this.groups.byIds([groupId]);
    const group = await this.access.require(caller, { type: 'group', id: groupId }, found, (g) => ({ place: { path: g.path, officerId: g.officerId } }), GROUP_PUSH_RULE);
    const outcome = await this.shares.bind(id, group.id, caller.user.id, new Date());
    if (outcome !== 'ok') throw new DomainException(ErrorCode.WechatGroupAlreadyBound);
    await this.audit.recordFor(caller, { action: AuditAction.WechatGroupBound, targetType: 'wechat_group', targetId: id, detail: `group ${group.id} ${group.name}` });
    const scope = this.sharerScope(caller)!;
    return view((await this.shares.list(scope, undefined, [id]))[0]);
  }
}
