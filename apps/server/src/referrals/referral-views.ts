import {
  CaseKind, EscalationLevel, HotlineOrderStatus, ReferralStatus, ReferralStepView, ReferralTargetKind, ReferralTargetView, ReferralView,
} from '@jws/contracts';
import type { CaseEntity } from '../cases';
import type { ReferralTargetEntity } from './data/referral-target.entity';
import type { ReferralEntity } from './data/referral.entity';

export function targetView(t: ReferralTargetEntity): ReferralTargetView {
  return { id: t.id, kind: t.kind, name: t.name, phone: t.phone };
}

export interface ReferralContext {
  entity: CaseEntity;
  communityName: string;
  target: ReferralTargetEntity;
  contact: { nickname: string; workPhone: string | null } | null;
}

/** Which due time has passed unmet, if any. */
export function overdueOf(r: ReferralEntity, now: Date): 'receipt' | 'reply' | null {
  if (r.status === ReferralStatus.Sent && r.receiptDueAt.getTime() < now.getTime()) return 'receipt';
  if (r.status !== ReferralStatus.Replied && r.replyDueAt.getTime() < now.getTime()) return 'reply';
  return null;
}

export function toReferralView(r: ReferralEntity, ctx: ReferralContext, can: { sign: boolean; reply: boolean }, now = new Date()): ReferralView {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: ctx.entity.number,
    caseTitle: ctx.entity.title,
    caseKind: ctx.entity.kind as CaseKind,
    caseSubcategory: ctx.entity.subcategory,
    caseStatus: ctx.entity.status,
    caseDescription: ctx.entity.description,
    communityName: ctx.communityName,
    target: targetView(ctx.target),
    reason: r.reason,
    contactName: ctx.contact?.nickname ?? '',
    contactPhone: ctx.contact?.workPhone ?? null,
    status: r.status,
    receiptDueAt: r.receiptDueAt.toISOString(),
    replyDueAt: r.replyDueAt.toISOString(),
    signedAt: r.signedAt?.toISOString() ?? null,
    signedByName: r.signedByLabel,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    replyOutcome: r.replyOutcome,
    replyEvidence: r.replyEvidence,
    repliedByLabel: r.repliedByLabel,
    externalOrderNumber: r.externalOrderNo,
    externalStatus: r.externalStatus,
    overdue: overdueOf(r, now),
    escalation: r.escalation as EscalationLevel,
    createdAt: r.createdAt.toISOString(),
    canSign: can.sign,
    canReply: can.reply,
  };
}

/**
 * Each referral in plain words, for whoever may see the case. A 12345 order that never got through
 * (dead letter) tells staff what to do; the resident reads that the officer is passing it on by phone.
 */
export function toReferralStep(r: ReferralEntity, target: ReferralTargetEntity, staff: boolean): ReferralStepView {
  const hotline = target.kind === ReferralTargetKind.Hotline12345;
  const failed = hotline && !r.externalOrderNo && r.externalStatus === HotlineOrderStatus.Failed && r.status !== ReferralStatus.Replied;
  let text: string;
  if (r.status === ReferralStatus.Replied) text = `${hotline ? '12345' : target.name}已回复：${r.replyOutcome ?? ''}`;
  else if (failed) text = staff ? '12345工单发送失败，请电话转办12345并登记回复，或请管理员重发' : '民警正在电话转办12345';
  else if (hotline) text = r.externalOrderNo ? `已转12345，工单号 ${r.externalOrderNo}${r.status === ReferralStatus.Signed ? '，12345已受理' : ''}` : '已转12345，正在生成工单';
  else text = r.status === ReferralStatus.Signed ? `${target.name}已签收，正在办理` : `已转${target.name}办理`;
  return { id: r.id, text, status: r.status, failed: failed && staff, at: (r.repliedAt ?? r.signedAt ?? r.createdAt).toISOString() };
}

/** Plain words of a referral's first step, for the case timeline. */
export function referredNote(target: ReferralTargetEntity): string {
  return target.kind === ReferralTargetKind.Hotline12345 ? '已转12345热线办理，工单号生成后会告诉您' : `已转${target.name}办理`;
}

/** /1/2/4/7/ → /1/2/ (the branch a case belongs to). */
export function branchPathOf(orgPath: string): string {
  const ids = orgPath.split('/').filter(Boolean);
  return `/${ids.slice(0, 2).join('/')}/`;
}
