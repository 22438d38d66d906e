import { DemoUser, ErrorCode, LoginResponse, ROLE_LABELS, Role, UserView } from '@jws/contracts';
import { WechatApiError, WechatClient, WechatErrcode } from '@jws/wechat';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { CallerCache } from './caller-cache';
import { UserEntity } from './data/user.entity';
import { UsersRepository } from './data/users.repository';
import { TokenService } from './token.service';
import { toUserView } from './user-view';

export interface ClientInfo {
  ip: string | null;
  requestId: string | null;
}

/** Sign-in with WeChat, token refresh, demo sign-in and the caller's own profile. */
@Injectable()
export class IdentityService {
  private readonly logger = new Logger(IdentityService.name);

  constructor(
    private readonly wechat: WechatClient,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly users: UsersRepository,
    private readonly callers: CallerCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Exchanges a wx.login code for the openid; session_key stays here, encrypted. */
  async exchangeCode(code: string): Promise<{ openid: string; unionid: string | null; sessionKey: string }> {
    try {
      const session = await this.wechat.code2Session(code);
      return { openid: session.openid, unionid: session.unionid ?? null, sessionKey: session.sessionKey };
    } catch (err) {
      if (err instanceof WechatApiError) {
        if (err.errcode === WechatErrcode.INVALID_CODE) throw new DomainException(ErrorCode.WechatCodeInvalid);
        if (err.errcode === WechatErrcode.USER_BLOCKED) throw new DomainException(ErrorCode.WechatUserBlocked);
        if (err.errcode === WechatErrcode.RATE_LIMITED) throw new DomainException(ErrorCode.RateLimited);
        this.logger.warn(`code2Session failed with errcode ${err.errcode}`);
        throw new DomainException(ErrorCode.WechatUnavailable);
      }
      throw err;
    }
  }

  /** WeChat sign-in: finds the user by openid (or unionid), or registers a new resident. */
  async wechatLogin(code: string, client: ClientInfo): Promise<LoginResponse> {
    const session = await this.exchangeCode(code);
    let user =
      (await this.users.findByOpenid(session.openid)) ??
      (session.unionid ? await this.users.findByUnionid(session.unionid) : null);
    if (!user) {
      user = this.users.create({
        openid: session.openid,
        unionid: session.unionid,
        nickname: `居民${session.openid.slice(-4)}`,
        role: Role.Resident,
        isInformant: false,
        sessionKey: session.sessionKey,
        disabled: false,
      });
      user = await this.users.save(user);
    } else {
      if (user.disabled) throw new DomainException(ErrorCode.Forbidden);
      user.sessionKey = session.sessionKey;
      user.openid = session.openid;
      if (session.unionid) user.unionid = session.unionid;
      await this.users.save(user);
    }
    await this.audit.record({ userId: user.id, ...client }, { action: AuditAction.SignIn, targetType: 'user', targetId: user.id });
    return this.loginResponse(user);
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<LoginResponse> {
    try {
      const { userId, tokens } = await this.tokens.rotate(refreshToken);
      const user = await this.users.find(userId);
      if (!user || user.disabled) throw new DomainException(ErrorCode.RefreshTokenInvalid);
      return { ...tokens, user: await this.view(user) };
    } catch (err) {
      if (err instanceof DomainException && err.code === ErrorCode.RefreshTokenReused) {
        await this.audit.record({ userId: null, ...client }, { action: AuditAction.RefreshReuse, outcome: 'denied' });
      }
      throw err;
    }
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken);
  }

  private requireDemo(): void {
    if (!this.config.demo) throw new DomainException(ErrorCode.DemoDisabled);
  }

  async demoUsers(): Promise<DemoUser[]> {
    this.requireDemo();
    const users = await this.users.demoAccounts();
    return users.map((u) => ({
      username: u.username as string,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role] + (u.isInformant ? '·信息员' : ''),
      nickname: u.nickname,
    }));
  }

  async devLogin(username: string, client: ClientInfo): Promise<LoginResponse> {
    this.requireDemo();
    const user = await this.users.findByUsername(username);
    if (!user) throw new DomainException(ErrorCode.DemoUserNotFound);
    await this.audit.record({ userId: user.id, ...client }, { action: AuditAction.SignInDemo, targetType: 'user', targetId: user.id });
    return this.loginResponse(user);
  }

  async loginResponse(user: UserEntity): Promise<LoginResponse> {
    const tokens = await this.tokens.issue(user.id);
    return { ...tokens, user: await this.view(user) };
  }

  me(caller: Caller): Promise<UserView> {
    return this.view(caller.user);
  }

  private async view(user: UserEntity): Promise<UserView> {
    const unit = await this.users.unit(user.orgUnitId);
    return toUserView(user, unit?.name ?? null);
  }

  /**
   * Signs in someone another feature invited (a mediation room's share card): the wx.login code
   * names their WeChat account, found or made here — a new resident, or a new mediator of
   * `grant.orgUnitId` when the invitation is a mediator's. Inside `within`'s transaction, the
   * inviting feature gets the account from `account(m)` and binds it to what it was invited to;
   * the sign-in is audited on `grant.target` in that transaction. The session is issued after commit.
   */
  async signInByInvitation(
    code: string,
    grant: InvitationGrant,
    client: ClientInfo,
    within: (account: (m: EntityManager) => Promise<UserEntity>) => Promise<UserEntity>,
  ): Promise<LoginResponse> {
    const session = await this.exchangeCode(code);
    const user = await within(async (m) => {
      let account = await this.users.findByOpenid(session.openid, m);
      const wantsMediator = grant.role === Role.Mediator;
      if (account && wantsMediator && account.role !== Role.Mediator) throw new DomainException(ErrorCode.InviteRoleNotAllowed);
      if (account?.disabled) throw new DomainException(ErrorCode.Forbidden);
      if (!account) {
        account = await this.users.save(this.users.create({
          openid: session.openid, unionid: session.unionid, role: grant.role,
          nickname: grant.nickname || `居民${session.openid.slice(-4)}`,
          orgUnitId: wantsMediator ? grant.orgUnitId : null, isInformant: false, sessionKey: session.sessionKey, disabled: false,
        }, m), m);
        if (wantsMediator) {
          await this.audit.record({ userId: account.id, ...client }, {
            action: AuditAction.RoleGranted, targetType: 'user', targetId: account.id, detail: `role=mediator via ${grant.via}`,
          }, m);
        }
      } else {
        account.sessionKey = session.sessionKey;
        await this.users.save(account, m);
      }
      await this.audit.record({ userId: account.id, ...client }, { action: AuditAction.SignIn, targetType: grant.target.type, targetId: grant.target.id }, m);
      return account;
    });
    this.callers.invalidate(user.id);
    return this.loginResponse(user);
  }
}

/** What an invitation of another feature makes of a new account, and what the sign-in is into. */
export interface InvitationGrant {
  /** A resident, or a mediator (only a new account, or one that is already a mediator). */
  role: Role.Resident | Role.Mediator;
  /** A new mediator's station. */
  orgUnitId: number | null;
  /** A new account's nickname; blank: 居民 and the openid's last four. */
  nickname: string;
  /** For the audit entry of a granted role, e.g. `room invitation 12`. */
  via: string;
  /** What the invitation signs into, for the sign-in's audit entry. */
  target: { type: string; id: number };
}
