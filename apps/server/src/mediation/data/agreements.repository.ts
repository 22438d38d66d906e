import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Database } from '../../common/db';
import { MediationAgreementEntity } from './mediation-agreement.entity';
import { MediationConfirmationEntity } from './mediation-confirmation.entity';
import { MediationFollowupEntity } from './mediation-followup.entity';

/** 调解协议 versions (their text encrypted by the entity's columns), the parties' confirmations, and the follow-up each settles. */
@Injectable()
export class AgreementsRepository {
  constructor(private readonly db: Database) {}

  /** The room's latest version, superseded or not. */
  latest(m: EntityManager, roomId: number): Promise<MediationAgreementEntity | null> {
    return m.getRepository(MediationAgreementEntity).findOne({ where: { roomId }, order: { version: 'DESC' } });
  }

  /** The room's current (not superseded) version, if any. */
  current(roomId: number): Promise<MediationAgreementEntity | null> {
    return this.db.manager.getRepository(MediationAgreementEntity).findOne({ where: { roomId, supersededAt: IsNull() }, order: { version: 'DESC' } });
  }

  find(m: EntityManager, id: number, roomId: number): Promise<MediationAgreementEntity | null> {
    return m.getRepository(MediationAgreementEntity).findOne({ where: { id, roomId } });
  }

  async supersede(m: EntityManager, id: number, at: Date): Promise<void> {
    await m.getRepository(MediationAgreementEntity).update({ id }, { supersededAt: at });
  }

  async insert(m: EntityManager, values: Omit<MediationAgreementEntity, 'id'>): Promise<void> {
    const repo = m.getRepository(MediationAgreementEntity);
    await repo.insert(repo.create(values));
  }

  /** Every party has confirmed: the version takes effect; false when it was superseded or settled meanwhile. */
  async settle(m: EntityManager, id: number, at: Date): Promise<boolean> {
    const settled = await m.getRepository(MediationAgreementEntity).update({ id, confirmedAt: IsNull(), supersededAt: IsNull() }, { confirmedAt: at });
    return Boolean(settled.affected);
  }

  confirmations(agreementId: number): Promise<MediationConfirmationEntity[]> {
    return this.db.manager.getRepository(MediationConfirmationEntity).find({ where: { agreementId } });
  }

  hasConfirmed(m: EntityManager, agreementId: number, memberId: number): Promise<boolean> {
    return m.getRepository(MediationConfirmationEntity).exists({ where: { agreementId, memberId } });
  }

  async confirm(m: EntityManager, agreementId: number, memberId: number, at: Date): Promise<void> {
    await m.getRepository(MediationConfirmationEntity).insert({ agreementId, memberId, confirmedAt: at });
  }

  /** How many of `memberIds` have confirmed the version. */
  countConfirmed(m: EntityManager, agreementId: number, memberIds: readonly number[]): Promise<number> {
    return m.getRepository(MediationConfirmationEntity).count({ where: { agreementId, memberId: In([...memberIds]) } });
  }

  /** 履行回访 of a settled agreement, due at its performance deadline. */
  async scheduleFollowup(m: EntityManager, values: Pick<MediationFollowupEntity, 'roomId' | 'agreementId' | 'caseId' | 'dueAt'>): Promise<void> {
    await m.getRepository(MediationFollowupEntity).insert({ ...values, nextCheckAt: values.dueAt, doneAt: null, leaseOwner: null, leaseUntil: null });
  }
}
