import { MessageKind, RoomMemberRole, RoomStatus, SystemEvent } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../personal-data/field-cipher';

/**
 * A mediation room (网上调解室) opened from a dispute case, or a caucus channel (背靠背) of one:
 * a caucus is a room of its own (`parentId` set) with the mediator and one party, so it has its
 * own sequence and nobody else is a member of it. `lastSeq` hands out the per-room sequence.
 */
@Entity('mediation_rooms')
@Index('ix_mediation_rooms_case', ['caseId'])
@Index('ix_mediation_rooms_parent', ['parentId'])
@Index('ix_mediation_rooms_scope', ['orgPath', 'status'])
export class MediationRoomEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'case_id', type: 'int' }) caseId: number;
  @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId: number | null;
  /** Caucus: the member (of the main room) the mediator talks to. */
  @Column({ name: 'caucus_member_id', type: 'int', nullable: true }) caucusMemberId: number | null;
  @Column({ type: 'varchar', length: 20 }) status: RoomStatus;
  /** The case's community path: staff scope applies to rooms as to cases. */
  @Column({ name: 'org_path', type: 'varchar', length: 255 }) orgPath: string;
  @Column({ name: 'officer_id', type: 'int', nullable: true }) officerId: number | null;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ name: 'last_seq', type: 'int', default: 0 }) lastSeq: number;
  @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'closed_at', type: 'datetime', nullable: true }) closedAt: Date | null;
}

/** A member of a room; `userId` is null until an invitee binds their WeChat account. */
@Entity('mediation_members')
@Index('uq_mediation_members_room_user', ['roomId', 'userId'], { unique: true })
@Index('ix_mediation_members_user', ['userId'])
export class MediationMemberEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'user_id', type: 'int', nullable: true }) userId: number | null;
  @Column({ type: 'varchar', length: 16 }) role: RoomMemberRole;
  @Column({ name: 'display_name', type: 'varchar', length: 64 }) displayName: string;
  @Column({ name: 'joined_at', type: 'datetime', nullable: true }) joinedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  /** How far the member has read this channel: the room's unread count is what others wrote after it. */
  @Column({ name: 'last_read_seq', type: 'int', default: 0 }) lastReadSeq: number;
}

/** A room message, stored with its sequence number before it is fanned out. The text is encrypted. */
@Entity('mediation_messages')
@Index('uq_mediation_messages_room_seq', ['roomId', 'seq'], { unique: true })
@Index('uq_mediation_messages_client_id', ['roomId', 'senderUserId', 'clientMsgId'], { unique: true })
export class MediationMessageEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 8 }) kind: MessageKind;
  @Column({ name: 'sender_member_id', type: 'int', nullable: true }) senderMemberId: number | null;
  @Column({ name: 'sender_user_id', type: 'int', nullable: true }) senderUserId: number | null;
  @Column({ name: 'body_enc', type: 'text', nullable: true, transformer: encryptedTransformer }) body: string | null;
  @Column({ name: 'upload_id', type: 'varchar', length: 36, nullable: true }) uploadId: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) event: SystemEvent | null;
  @Column({ name: 'ref_seq', type: 'int', nullable: true }) refSeq: number | null;
  @Column({ name: 'client_msg_id', type: 'varchar', length: 64, nullable: true }) clientMsgId: string | null;
  @Column({ name: 'recalled_at', type: 'datetime', nullable: true }) recalledAt: Date | null;
  /** The text check said review (or was unavailable): delivered, marked for the mediator. */
  @Column({ type: 'boolean', default: false }) flagged: boolean;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}

/** Single-use, expiring invitation to a member slot; only the token's hash is stored. */
@Entity('mediation_invitations')
export class MediationInvitationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'member_id', type: 'int' }) memberId: number;
  @Index('uq_mediation_invitations_token', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'datetime' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'datetime', nullable: true }) usedAt: Date | null;
  @Column({ name: 'used_by', type: 'int', nullable: true }) usedBy: number | null;
  @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}

/** 调解协议: each redraft is a new version; the previous one is superseded (and its confirmations void). */
@Entity('mediation_agreements')
@Index('uq_mediation_agreements_room_version', ['roomId', 'version'], { unique: true })
export class MediationAgreementEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'parties_enc', type: 'text', transformer: encryptedTransformer }) parties: string;
  @Column({ name: 'facts_enc', type: 'text', transformer: encryptedTransformer }) facts: string;
  @Column({ name: 'terms_enc', type: 'text', transformer: encryptedTransformer }) terms: string;
  @Column({ name: 'performance_due_at', type: 'datetime' }) performanceDueAt: Date;
  @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'superseded_at', type: 'datetime', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'confirmed_at', type: 'datetime', nullable: true }) confirmedAt: Date | null;
}

@Entity('mediation_confirmations')
@Index('uq_mediation_confirmations', ['agreementId', 'memberId'], { unique: true })
export class MediationConfirmationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'agreement_id', type: 'int' }) agreementId: number;
  @Column({ name: 'member_id', type: 'int' }) memberId: number;
  @Column({ name: 'confirmed_at', type: 'datetime' }) confirmedAt: Date;
}

/** 履行回访: at the performance deadline the officer is reminded; claimed by the scheduler with a lease. */
@Entity('mediation_followups')
@Index('ix_mediation_followups_due', ['doneAt', 'nextCheckAt'])
export class MediationFollowupEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'agreement_id', type: 'int' }) agreementId: number;
  @Column({ name: 'case_id', type: 'int' }) caseId: number;
  @Column({ name: 'due_at', type: 'datetime' }) dueAt: Date;
  @Column({ name: 'next_check_at', type: 'datetime', nullable: true }) nextCheckAt: Date | null;
  @Column({ name: 'done_at', type: 'datetime', nullable: true }) doneAt: Date | null;
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true }) leaseOwner: string | null;
  @Column({ name: 'lease_until', type: 'datetime', nullable: true }) leaseUntil: Date | null;
}

/** 警民联调室: a station's offline mediation room. */
@Entity('mediation_offline_rooms')
@Index('ix_mediation_offline_rooms_station', ['stationId'])
export class OfflineRoomEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'station_id', type: 'int' }) stationId: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 200 }) address: string;
  /** Retired by station staff: no free slots offered any more; its bookings stay. */
  @Column({ name: 'retired_at', type: 'datetime', nullable: true }) retiredAt: Date | null;
}

@Entity('mediation_slots')
@Index('uq_mediation_slots_room_start', ['offlineRoomId', 'startsAt'], { unique: true })
export class OfflineSlotEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'offline_room_id', type: 'int' }) offlineRoomId: number;
  @Column({ name: 'starts_at', type: 'datetime' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'datetime' }) endsAt: Date;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}

/** A booked slot; the unique slot id makes double booking impossible. */
@Entity('mediation_bookings')
@Index('ix_mediation_bookings_room', ['roomId'])
export class OfflineBookingEntity {
  @PrimaryGeneratedColumn() id: number;
  @Index('uq_mediation_bookings_slot', { unique: true })
  @Column({ name: 'slot_id', type: 'int' }) slotId: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'booked_by', type: 'int' }) bookedBy: number;
  @Column({ name: 'booked_at', type: 'datetime' }) bookedAt: Date;
  @Column({ type: 'varchar', length: 12, nullable: true }) outcome: 'settled' | 'unsettled' | null;
  @Column({ name: 'outcome_note', type: 'varchar', length: 500, nullable: true }) outcomeNote: string | null;
  @Column({ name: 'outcome_at', type: 'datetime', nullable: true }) outcomeAt: Date | null;
}

export const MEDIATION_ENTITIES = [
  MediationRoomEntity, MediationMemberEntity, MediationMessageEntity, MediationInvitationEntity, MediationAgreementEntity,
  MediationConfirmationEntity, MediationFollowupEntity, OfflineRoomEntity, OfflineSlotEntity, OfflineBookingEntity,
];
