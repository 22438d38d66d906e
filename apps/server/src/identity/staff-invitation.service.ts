import {
  ErrorCode, INVITABLE_BY, LoginResponse, Page, Permission, Role, StaffInvitationItem, StaffInvitationStatus, StaffInvitationView,
} from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { ROLE_ORG_LEVEL } from '../org/scope';
import { ClientInfo, IdentityService } from './identity.service';
import { StaffInvitationDto } from './dto/auth.dto';
import { StaffInvitationEntity } from './data/staff-invitation.entity';
import { StaffInvitationsRepository } from './data/staff-invitations.repository';
import { UserEntity } from './data/user.entity';
import { UsersRepository } from './data/users.repository';
import { sha256, TokenService } from './token.service';

/** Enrolment of police, mediators and department staff by single-use, expiring invitation. */
@Injectable()
export class StaffInvitationService {
  constructor(
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly db: Database,
    private readonly invitations: StaffInvitationsRepository,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: Access,
    private readonly tokens: TokenService,
  ) {}

  private static statusOf(i: StaffInvitationEntity, now = Date.now()): StaffInvitationStatus {
    if (i.revokedAt) return 'revoked';
    if (i.usedAt) return 'used';
    return i.expiresAt.getTime() <= now ? 'expired' : 'pending';
  }

  private static itemOf(i: StaffInvitationEntity, unitName: string): StaffInvitationItem {
    return {
      id: i.id, inviteeName: i.inviteeName, role: i.role, orgUnitId: i.orgUnitId, orgUnitName: unitName, status: StaffInvitationService.statusOf(i),
      createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(), usedAt: i.usedAt?.toISOString() ?? null, revokedAt: i.revokedAt?.toISOString() ?? null,
    };
  }

  /** The invitations to units of the caller's jurisdiction, newest first (never their tokens). */
  async list(caller: Caller, page: number, pageSize: number): Promise<Page<StaffInvitationItem>> {
    if (caller.scope.kind !== 'subtree') return { items: [], total: 0, page, pageSize };
    const { rows, total } = await this.invitations.page(caller.scope.pathPrefix, page, pageSize);
    return { items: rows.map((r) => StaffInvitationService.itemOf(r.invitation, r.unitName)), total, page, pageSize };
  }

  /** 撤销 an invitation nobody has used: it enrols nobody afterwards. Revoking it again changes nothing. */
  async revoke(caller: Caller, id: number): Promise<StaffInvitationItem> {
    const invitation = await this.invitations.findById(id);
    const unit = invitation ? await this.users.unit(invitation.orgUnitId) : null;
    const { invitation: found, unit: place } = await this.access.require(caller, { type: 'staff_invitation', id }, invitation && unit ? { invitation, unit } : null,
      (o) => ({ place: { path: o.unit.path, officerId: null } }), [{ permission: Permission.StaffInvitationCreate, within: 'jurisdiction' }]);
    if (found.usedAt) throw new DomainException(ErrorCode.InviteUsed);
    if (!found.revokedAt) {
      const at = new Date();
      if (!(await this.invitations.revoke(id, at))) throw new DomainException(ErrorCode.InviteUsed);
      found.revokedAt = at;
      await this.audit.recordFor(caller, { action: AuditAction.StaffInvitationRevoked, targetType: 'staff_invitation', targetId: id, detail: `role=${found.role} unit=${found.orgUnitId}` });
    }
    return StaffInvitationService.itemOf(found, place.name);
  }

  async create(caller: Caller, dto: StaffInvitationDto): Promise<StaffInvitationView> {
    const allowed = INVITABLE_BY[caller.user.role] ?? [];
    if (!allowed.includes(dto.role)) throw new DomainException(ErrorCode.InviteRoleNotAllowed);
    // Staff are enrolled only into org units the inviter's jurisdiction covers (access/access.ts).
    const unit = await this.access.require(caller, { type: 'org_unit', id: dto.orgUnitId }, await this.users.unit(dto.orgUnitId),
      (u) => ({ place: { path: u.path, officerId: null } }), [{ permission: Permission.StaffInvitationCreate, within: 'jurisdiction' }]);
    const levels = ROLE_ORG_LEVEL[dto.role] ?? [];
    if (!levels.includes(unit.level)) {
      throw new DomainException(ErrorCode.ValidationFailed, [`该角色只能登记在：${levels.join('/')}`]);
    }
    const token = randomBytes(24).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.staffInviteTtlHours * 3600_000);
    const saved = await this.invitations.save({
      tokenHash: sha256(token), role: dto.role, orgUnitId: unit.id, inviteeName: dto.name,
      createdBy: caller.user.id, expiresAt, usedAt: null, usedBy: null, createdAt: now, revokedAt: null,
    });
    await this.audit.recordFor(caller, {
      action: AuditAction.StaffInvited, targetType: 'staff_invitation', targetId: saved.id, detail: `role=${dto.role} unit=${unit.id}`,
    });
    return { id: saved.id, token, role: dto.role, orgUnitId: unit.id, expiresAt: expiresAt.toISOString() };
  }

  /** Binds the invitee's WeChat account: the invitation is consumed exactly once. */
  async accept(token: string, code: string, client: ClientInfo): Promise<LoginResponse> {
    const invitation = await this.usable(token);
    const session = await this.identity.exchangeCode(code);
    return this.enrol(invitation, client, async (manager) => {
      const existing = await this.users.findByOpenid(session.openid, manager);
      const account = existing ?? this.users.create({ openid: session.openid, unionid: session.unionid, isInformant: false, disabled: false }, manager);
      account.sessionKey = session.sessionKey;
      return account;
    });
  }

  /** 领取邀请 by the signed-in person (a resident the mini program signed in at launch): their own account becomes staff. */
  async claim(caller: Caller, token: string): Promise<LoginResponse> {
    const invitation = await this.usable(token);
    return this.enrol(invitation, { ip: caller.ip, requestId: caller.requestId }, async (manager) => {
      const account = await this.users.find(caller.user.id, manager);
      if (!account) throw new DomainException(ErrorCode.InviteInvalid);
      return account;
    });
  }

  private async usable(token: string): Promise<StaffInvitationEntity> {
    const invitation = await this.invitations.findByHash(sha256(token));
    if (!invitation) throw new DomainException(ErrorCode.InviteInvalid);
    if (invitation.revokedAt) throw new DomainException(ErrorCode.InviteRevoked);
    if (invitation.usedAt) throw new DomainException(ErrorCode.InviteUsed);
    if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    return invitation;
  }

  /** Consumes the invitation (once, and only while not revoked) and makes `accountOf`'s account the invited staff member. */
  private async enrol(
    invitation: StaffInvitationEntity, client: ClientInfo, accountOf: (manager: EntityManager) => Promise<UserEntity>,
  ): Promise<LoginResponse> {
    const user = await this.db.transaction(async ({ manager }) => {
      const account = await accountOf(manager);
      if (account.id && account.role !== Role.Resident) throw new DomainException(ErrorCode.AlreadyStaff);
      if (!(await this.invitations.claim(manager, invitation.id))) throw new DomainException(ErrorCode.InviteUsed);
      account.role = invitation.role;
      account.orgUnitId = invitation.orgUnitId;
      account.nickname = invitation.inviteeName.slice(0, 64);
      account.realName = invitation.inviteeName;
      account.isInformant = false;
      const saved = await this.users.save(account, manager);
      await this.invitations.setUsedBy(manager, invitation.id, saved.id);
      await this.audit.record(
        { userId: saved.id, ...client },
        { action: AuditAction.RoleGranted, targetType: 'user', targetId: saved.id, detail: `role=${invitation.role} via invitation ${invitation.id}` },
        manager,
      );
      return saved;
    });
    // A resident who becomes staff: the tokens they held as a resident end (new ones follow).
    await this.tokens.revokeAccess(user.id);
    return this.identity.loginResponse(user);
  }
}
