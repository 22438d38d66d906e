import { maskName, OutboxDeadLetterView, ROOM_PAGE } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { CasesApi } from '../cases';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { MediationApi } from '../mediation';
import { OrgUnits } from '../org';
import { DeadLettersRepository } from './data/dead-letters.repository';
import { OUTBOX_TOPIC_SUBSCRIBE, outboxPayload, SubscribePayload } from './notifications.service';
import { refusedByWechat } from './outbox.worker';

/** The id in a page link's query (`…?id=7`), or 0. */
const idInPage = (page: string): number => Number(/[?&]id=(\d+)/.exec(page)?.[1] ?? 0);

/**
 * The admins' dead-letter list (消息投递): the outbox's dead letters, each with whom it was for
 * (masked name), which notice, and the case (its link only if the caller may open it) or community
 * it was about. The recipient, case, community and room come through the identity, cases, org and mediation faces.
 * A confidential row's payload is not decrypted: it is shown as 保密通知 and nothing more. Never an openid.
 */
@Injectable()
export class DeadLetters {
  constructor(
    private readonly rows: DeadLettersRepository,
    private readonly cases: CasesApi,
    private readonly units: OrgUnits,
    private readonly accounts: Accounts,
    private readonly mediation: MediationApi,
  ) {}

  async views(caller: Caller): Promise<OutboxDeadLetterView[]> {
    const rows = await this.rows.rows();
    const plain = new Map<number, SubscribePayload>();
    for (const row of rows) {
      if (row.topic !== OUTBOX_TOPIC_SUBSCRIBE || row.payload.startsWith('v1.')) continue;
      try {
        plain.set(row.id, outboxPayload<SubscribePayload>(row.payload));
      } catch {
        // unreadable (it became a dead letter for that): shown without recipient or subject
      }
    }
    const payloads = [...plain.values()];
    // Rows written before the case id was kept name it in the page they open: the case page's
    // id, or the room page's, whose room names its case.
    const roomIdOf = (p: SubscribePayload): number => (p.caseId == null && p.page?.startsWith(ROOM_PAGE) ? idInPage(p.page) : 0);
    const roomIds = [...new Set(payloads.map(roomIdOf).filter((id) => Number.isInteger(id) && id > 0))];
    const rooms = await this.mediation.names(roomIds);
    const caseIdOf = (p: SubscribePayload): number =>
      p.caseId ?? (p.page?.startsWith('pages/case/') ? idInPage(p.page) : (rooms.get(roomIdOf(p))?.caseId ?? 0));
    const userIds = [...new Set(payloads.map((p) => p.userId).filter(Number.isInteger))];
    const caseIds = [...new Set(payloads.map(caseIdOf).filter((id) => Number.isInteger(id) && id > 0))];
    const communityIds = [...new Set(payloads.map((p) => p.communityId).filter((id): id is number => Number.isInteger(id)))];
    const [users, cases, communities] = await Promise.all([
      this.accounts.findMany(userIds),
      this.cases.records.findMany(caseIds),
      this.units.findMany(communityIds),
    ]);
    const caseById = new Map(cases.map((c) => [c.id, c]));
    return rows.map((row) => {
      const payload = plain.get(row.id);
      const user = payload ? users.get(payload.userId) : undefined;
      const subject = payload ? caseById.get(caseIdOf(payload)) : undefined;
      return {
        id: row.id,
        topic: row.topic,
        attempts: row.attempts,
        lastError: row.lastError,
        refused: refusedByWechat(row.lastError),
        confidential: row.topic === OUTBOX_TOPIC_SUBSCRIBE && row.payload.startsWith('v1.'),
        recipientName: user ? maskName(user.realName || user.nickname) : null,
        noticeTitle: payload ? (payload.title ?? payload.data?.phrase2 ?? null) : null,
        caseNumber: subject?.number ?? null,
        caseId: subject && this.cases.inScope(caller.scope, subject) ? subject.id : null,
        communityName: payload?.communityId ? (communities.get(payload.communityId)?.name ?? null) : null,
        createdAt: row.createdAt.toISOString(),
      };
    });
  }
}
