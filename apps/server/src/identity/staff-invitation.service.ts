import { ErrorCode, INVITABLE_BY, LoginResponse, Permission, Role, StaffInvitationView } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { ROLE_ORG_LEVEL } from '../org/scope';
import { ClientInfo, IdentityService } from './identity.service';
import { StaffInvitationDto } from './dto/auth.dto';
import { StaffInvitationsRepository } from './data/staff-invitations.repository';
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
      createdBy: caller.user.id, expiresAt, usedAt: null, usedBy: null, createdAt: now,
    });
    await this.audit.recordFor(caller, {
      action: AuditAction.StaffInvited, targetType: 'staff_invitation', targetId: saved.id, detail: `role=${dto.role} unit=${unit.id}`,
    });
    return { token, role: dto.role, orgUnitId: unit.id, expiresAt: expiresAt.toISOString() };
  }

  /** Binds the invitee's WeChat account: the invitation is consumed exactly once. */
  async accept(token: string, code: string, client: ClientInfo): Promise<LoginResponse> {
    const invitation = await this.invitations.findByHash(sha256(token));
    if (!invitation) throw new DomainException(ErrorCode.InviteInvalid);
    if (invitation.usedAt) throw new DomainException(ErrorCode.InviteUsed);
    if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    const session = await this.identity.exchangeCode(code);

    const user = await this.db.transaction(async ({ manager }) => {
      const existing = await this.users.findByOpenid(session.openid, manager);
      if (existing && existing.role !== Role.Resident) throw new DomainException(ErrorCode.AlreadyStaff);
      if (!(await this.invitations.claim(manager, invitation.id))) throw new DomainException(ErrorCode.InviteUsed);
      const account = existing ?? this.users.create({ openid: session.openid, unionid: session.unionid, isInformant: false, disabled: false }, manager);
      account.role = invitation.role;
      account.orgUnitId = invitation.orgUnitId;
      account.nickname = invitation.inviteeName.slice(0, 64);
      account.realName = invitation.inviteeName;
      account.isInformant = false;
      account.sessionKey = session.sessionKey;
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
