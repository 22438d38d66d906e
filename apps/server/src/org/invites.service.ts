import { CommunityInviteView, ErrorCode, JOIN_PAGE } from '@jws/contracts';
import { WechatApiError, WechatClient } from '@jws/wechat';
import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AuditAction, AuditService } from '../audit';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { CommunitiesService } from './communities.service';
import { InvitesRepository } from './data/invites.repository';

const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A community officer's invite codes (邀请码) and the 小程序码 residents scan to join with one. */
@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly directory: CommunitiesService,
    private readonly audit: AuditService,
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createInvite(caller: Caller, communityId: number): Promise<CommunityInviteView> {
    const community = await this.directory.requireCommunity(caller, communityId);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.communityInviteTtlDays * 86_400_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
      if (await this.invites.exists(code)) continue;
      await this.invites.insert({
        code, communityId: community.id, createdBy: caller.user.id, expiresAt, revokedAt: null, useCount: 0, createdAt: now,
      });
      return { code, communityId: community.id, expiresAt: expiresAt.toISOString(), scene: `c=${code}` };
    }
    throw new Error('could not allocate a unique invite code');
  }

  /** The community's codes that still let people in (not revoked, not expired), newest first. */
  async liveInvites(caller: Caller, communityId: number): Promise<CommunityInviteView[]> {
    const community = await this.directory.requireCommunity(caller, communityId);
    const rows = await this.invites.live(community.id);
    return rows.map((r) => ({ code: r.code, communityId: r.communityId, expiresAt: r.expiresAt.toISOString(), scene: `c=${r.code}` }));
  }

  /** 作废: a code shared too widely stops letting people in; who joined with it stays. */
  async revokeInvite(caller: Caller, communityId: number, code: string): Promise<CommunityInviteView[]> {
    const community = await this.directory.requireCommunity(caller, communityId);
    if (!(await this.invites.revoke(community.id, code.toUpperCase()))) throw new DomainException(ErrorCode.NotFound);
    await this.audit.recordFor(caller, { action: AuditAction.InviteRevoked, targetType: 'community', targetId: community.id, outcome: 'ok' });
    return this.liveInvites(caller, communityId);
  }

  /**
   * The mini-program code (小程序码) residents scan to join: WeChat renders it for the join page
   * with the invite in `scene`. Only for a live invite of a community in scope.
   */
  async inviteQrCode(caller: Caller, code: string): Promise<Buffer> {
    const invite = await this.invites.findByCode(code.toUpperCase());
    if (!invite) throw new DomainException(ErrorCode.NotFound);
    await this.directory.requireCommunity(caller, invite.communityId);
    if (invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    try {
      return await this.wechat.getUnlimitedQrCode({ scene: `c=${invite.code}`, page: JOIN_PAGE, checkPath: false });
    } catch (err) {
      if (err instanceof WechatApiError) throw new DomainException(ErrorCode.WechatUnavailable);
      throw err;
    }
  }
}
