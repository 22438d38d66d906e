import {
  AgreementDocumentView, agreementStatusLabel, CaseAction, ErrorCode, PARTY_ROLES, ROOM_MEMBER_ROLE_LABELS, RoomDetail, RoomMemberRole, RoomStatus, SystemEvent,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { CasesApi } from '../cases';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { AgreementPlaceRepository } from './data/agreement-place.repository';
import { DraftAgreementDto } from './dto/mediation.dto';
import { AgreementsRepository } from './data/agreements.repository';
import { MembersRepository } from './data/members.repository';
import { MediationService } from './mediation.service';
import { RoomAccess } from './room-access';
import { RoomLifecycle } from './room-lifecycle';
import { RoomMessagesService } from './room-messages.service';

/**
 * 调解协议: the mediator drafts (and redrafts), each party confirms; the last confirmation
 * settles the room, resolves the case and schedules the performance follow-up in one transaction.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly access: RoomAccess,
    private readonly messages: RoomMessagesService,
    private readonly rooms: MediationService,
    private readonly lifecycle: RoomLifecycle,
    private readonly cases: CasesApi,
    private readonly agreements: AgreementsRepository,
    private readonly members: MembersRepository,
    private readonly places: AgreementPlaceRepository,
  ) {}

  /** The mediator drafts (or redrafts) the 调解协议; earlier confirmations do not carry over. */
  async draftAgreement(caller: Caller, roomId: number, dto: DraftAgreementDto): Promise<RoomDetail> {
    const { room, member } = await this.access.require(caller, roomId);
    if (room.parentId !== null || member?.role !== RoomMemberRole.Mediator) throw new DomainException(ErrorCode.Forbidden);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    const due = new Date(dto.performanceDueAt);
    if (due.getTime() <= Date.now()) throw new DomainException(ErrorCode.ValidationFailed, ['履行期限应晚于现在']);
    await this.messages.withMessages(async (m, out) => {
      const previous = await this.agreements.latest(m, roomId);
      if (previous && !previous.supersededAt) await this.agreements.supersede(m, previous.id, new Date());
      const version = (previous?.version ?? 0) + 1;
      await this.agreements.insert(m, {
        roomId, version, parties: dto.parties.trim(), facts: dto.facts.trim(), terms: dto.terms.trim(), performanceDueAt: due,
        createdBy: caller.user.id, createdAt: new Date(), supersededAt: null, confirmedAt: null,
      });
      await this.messages.appendSystem(m, out, roomId, SystemEvent.AgreementProposed, `调解员起草了调解协议（第${version}版），请双方当事人查看并确认`);
      const caseEntity = await this.cases.records.get(room.caseId, m);
      await this.lifecycle.notifyMembers(
        m, roomId, [caller.user.id], '请确认调解协议', `“${caseEntity.title}”的调解协议已起草，请查看并确认`, room.caseId, `room:${roomId}:agreement:v${version}`,
        PARTY_ROLES,
      );
    });
    return this.rooms.detail(caller, roomId);
  }

  /**
   * A party confirms the current agreement. When every party has confirmed, the room is settled,
   * the case resolved, and the performance follow-up is scheduled — one transaction.
   */
  async confirmAgreement(caller: Caller, roomId: number, agreementId: number): Promise<RoomDetail> {
    const { room, member } = await this.access.require(caller, roomId);
    if (room.parentId !== null || !member || !PARTY_ROLES.includes(member.role)) throw new DomainException(ErrorCode.Forbidden);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    await this.messages.withMessages(async (m, out) => {
      const agreement = await this.agreements.find(m, agreementId, roomId);
      if (!agreement) throw new DomainException(ErrorCode.NotFound);
      if (agreement.supersededAt) throw new DomainException(ErrorCode.AgreementOutdated);
      if (await this.agreements.hasConfirmed(m, agreementId, member.id)) return;
      await this.agreements.confirm(m, agreementId, member.id, new Date());
      await this.messages.appendSystem(m, out, roomId, SystemEvent.AgreementConfirmed, `${member.displayName}已确认调解协议`);
      const parties = (await this.members.ofRoom(roomId, m)).filter((mm) => PARTY_ROLES.includes(mm.role));
      const confirmed = await this.agreements.countConfirmed(m, agreementId, parties.map((p) => p.id));
      if (confirmed < parties.length) return;

      const now = new Date();
      if (!(await this.agreements.settle(m, agreementId, now))) throw new DomainException(ErrorCode.AgreementOutdated);
      await this.lifecycle.setStatus(m, room, RoomStatus.Settled, now);
      // The system resolves it: the last confirmation may be the respondent's, who is not the reporter.
      await this.lifecycle.moveCase(m, room.caseId, CaseAction.Resolve, null, `调解达成协议（各方当事人已确认调解协议）：${agreement.terms.slice(0, 200)}`, now);
      await this.agreements.scheduleFollowup(m, { roomId, agreementId, caseId: room.caseId, dueAt: agreement.performanceDueAt });
      await this.messages.appendSystem(m, out, roomId, SystemEvent.Settled, '各方已确认，调解已达成协议');
    });
    return this.rooms.detail(caller, roomId);
  }

  /**
   * 调解协议书: the room's current agreement (signed once every party confirmed) with who mediated
   * and where, for the print page. Read as the room is read (members; police over it, audited).
   */
  async printable(caller: Caller, roomId: number): Promise<AgreementDocumentView> {
    const detail = await this.rooms.detail(caller, roomId);
    if (!detail.agreement || detail.parentRoomId !== null) throw new DomainException(ErrorCode.NotFound);
    const label = ROOM_MEMBER_ROLE_LABELS[RoomMemberRole.Mediator];
    const mediators = detail.members
      .filter((m) => m.role === RoomMemberRole.Mediator)
      .map((m) => (m.displayName.startsWith(label) ? m.displayName.slice(label.length).trim() : m.displayName));
    const place = await this.places.placeOf(roomId);
    return { roomId, caseNumber: detail.caseNumber, title: detail.title, agreement: detail.agreement, mediators, ...place };
  }

  /** The agreement as a printable document (HTML for the browser's print). */
  async agreementDocument(caller: Caller, roomId: number): Promise<string> {
    const detail = await this.rooms.detail(caller, roomId);
    const a = detail.agreement;
    if (!a) throw new DomainException(ErrorCode.NotFound);
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const para = (s: string) => esc(s).replace(/\n/g, '<br>');
    const rows = a.confirmations
      .map((c) => `<tr><td>${esc(c.displayName)}</td><td>${c.confirmedAt ? `已确认 ${esc(c.confirmedAt.slice(0, 16).replace('T', ' '))}` : '未确认'}</td></tr>`)
      .join('');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>人民调解协议书</title>
<style>body{font-family:serif;max-width:720px;margin:40px auto;line-height:1.8}h1{text-align:center}td{padding:4px 16px}</style></head>
<body><h1>人民调解协议书</h1><p>案件编号：${esc(detail.caseNumber)}（第${a.version}版）</p>
<h2>当事人</h2><p>${para(a.parties)}</p><h2>纠纷事实</h2><p>${para(a.facts)}</p><h2>协议内容</h2><p>${para(a.terms)}</p>
<p>履行期限：${esc(a.performanceDueAt.slice(0, 10))}</p><h2>当事人确认</h2><table>${rows}</table>
<p>状态：${a.confirmed ? '各方已确认，协议生效' : agreementStatusLabel(false, detail.status)}</p></body></html>`;
  }

}
