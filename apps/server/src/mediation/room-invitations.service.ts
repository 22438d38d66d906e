import {
  ANONYMOUS_APPLICANT_NAME, ErrorCode, LoginResponse, Role, ROOM_INVITE_TTL_HOURS, ROOM_PAGE, RoomDetail, RoomInvitationView, RoomMemberRole,
  RoomStatus, SystemEvent,
} from '@jws/contracts';
import { WechatApiError, WechatClient } from '@jws/wechat';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { ClientInfo, IdentityService, sha256 } from '../identity';
import { pathIds } from '../org';
import { InvitationsRepository } from './data/invitations.repository';
import { MembersRepository } from './data/members.repository';
import type { MediationInvitationEntity } from './data/mediation-invitation.entity';
import type { MediationMemberEntity } from './data/mediation-member.entity';
import type { MediationRoomEntity } from './data/mediation-room.entity';
import { RoomsRepository } from './data/rooms.repository';
import { MediationService } from './mediation.service';
import { RoomAccess } from './room-access';
import { displayNameOf } from './room-lifecycle';
import { Outgoing, RoomMessagesService } from './room-messages.service';

/**
 * Invitations to a room's member slots: made by staff who manage the room (a token, or its 小程序码),
 * opened by a signed-in user (join) or by someone without an account yet (accept, which signs them in).
 */
@Injectable()
export class RoomInvitationsService {
  constructor(
    private readonly access: RoomAccess,
    private readonly messages: RoomMessagesService,
    private readonly mediation: MediationService,
    private readonly identity: IdentityService,
    private readonly wechat: WechatClient,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly rooms: RoomsRepository,
  ) {}

  async invite(caller: Caller, roomId: number, memberId: number): Promise<RoomInvitationView> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.canManage || ctx.room.parentId !== null) throw new DomainException(ErrorCode.Forbidden);
    if (ctx.room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    const slot = await this.members.inRoom(memberId, roomId);
    if (!slot) throw new DomainException(ErrorCode.NotFound);
    if (slot.userId) throw new DomainException(ErrorCode.AlreadyMember);
    const token = randomBytes(24).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + ROOM_INVITE_TTL_HOURS * 3600_000);
    await this.invitations.insert({
      roomId, memberId, tokenHash: sha256(token), expiresAt, usedAt: null, usedBy: null, createdBy: caller.user.id, createdAt: now,
    });
    return { token, memberId, expiresAt: expiresAt.toISOString(), page: `${ROOM_PAGE}?invite=${token}` };
  }

  /**
   * The mini-program code (小程序码) of an invitation, for the person to scan: WeChat renders the
   * room page with the token as `scene` (32 characters, WeChat's limit). Only the token's holder
   * who may invite to the room gets it.
   */
  async invitationCode(caller: Caller, roomId: number, token: string): Promise<Buffer> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.canManage) throw new DomainException(ErrorCode.Forbidden);
    const { invitation } = await this.usableInvitation(token);
    if (invitation.roomId !== roomId) throw new DomainException(ErrorCode.InviteInvalid);
    try {
      return await this.wechat.getUnlimitedQrCode({ scene: token, page: ROOM_PAGE, checkPath: false });
    } catch (err) {
      if (err instanceof WechatApiError) throw new DomainException(ErrorCode.WechatUnavailable);
      throw err;
    }
  }

  private async usableInvitation(token: string): Promise<{ invitation: MediationInvitationEntity; slot: MediationMemberEntity; room: MediationRoomEntity }> {
    const invitation = await this.invitations.byTokenHash(sha256(token));
    if (!invitation) throw new DomainException(ErrorCode.InviteInvalid);
    if (invitation.usedAt) throw new DomainException(ErrorCode.InviteUsed);
    if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    const slot = await this.members.get(invitation.memberId);
    if (slot.userId) throw new DomainException(ErrorCode.InviteUsed);
    const room = await this.rooms.find(invitation.roomId);
    if (!room) throw new Error(`room ${invitation.roomId} not found`);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    return { invitation, slot, room };
  }

  /** Binds a member slot to a user, consuming the invitation exactly once. */
  private async bind(m: EntityManager, out: Outgoing, invitation: MediationInvitationEntity, slot: MediationMemberEntity, user: { id: number; nickname: string }): Promise<void> {
    if (await this.members.isMember(m, invitation.roomId, user.id)) throw new DomainException(ErrorCode.AlreadyMember);
    const displayName = slot.displayName === ANONYMOUS_APPLICANT_NAME ? slot.displayName : displayNameOf(slot.role, user.nickname);
    if (!(await this.invitations.claim(m, invitation.id, user.id, new Date()))) throw new DomainException(ErrorCode.InviteUsed);
    if (!(await this.members.bind(m, slot.id, user.id, displayName, new Date()))) throw new DomainException(ErrorCode.InviteUsed);
    await this.messages.appendSystem(m, out, invitation.roomId, SystemEvent.Joined, `${displayName}加入了调解室`);
  }

  /** A signed-in user opens an invitation. */
  async join(caller: Caller, token: string): Promise<RoomDetail> {
    const { invitation, slot } = await this.usableInvitation(token);
    if (slot.role === RoomMemberRole.Mediator && caller.user.role !== Role.Mediator) throw new DomainException(ErrorCode.InviteRoleNotAllowed);
    await this.messages.withMessages((m, out) => this.bind(m, out, invitation, slot, caller.user));
    return this.mediation.detail(caller, invitation.roomId);
  }

  /**
   * An invitee without an account opens the share card: the wx.login code binds this WeChat
   * account (a new resident, or a new mediator of the room's station for a mediator slot).
   */
  async accept(token: string, code: string, client: ClientInfo): Promise<LoginResponse & { roomId: number }> {
    const { invitation, slot, room } = await this.usableInvitation(token);
    const wantsMediator = slot.role === RoomMemberRole.Mediator;
    const grant = {
      role: wantsMediator ? Role.Mediator : Role.Resident, orgUnitId: wantsMediator ? pathIds(room.orgPath).stationId : null,
      nickname: slot.displayName.replace(/^\S+\s/, '').slice(0, 64), via: `room invitation ${invitation.id}`, target: { type: 'mediation_room', id: room.id },
    } as const;
    const login = await this.identity.signInByInvitation(code, grant, client, (account) =>
      this.messages.withMessages(async (m, out) => {
        const user = await account(m);
        await this.bind(m, out, invitation, slot, user);
        return user;
      }),
    );
    return { ...login, roomId: room.id };
  }
}
