import type { CaseKind, CaseStatus, EscalationLevel } from './cases';
import type { Role } from './roles';
import type { DeadlineKind } from './supervision';

/**
 * 责任追究 (信访/督察, docs/accountability.md): the inspector's list of overdue and escalated cases,
 * each with its response-time trail, and 核查 (inquiries) with findings and an outcome.
 */

/** The outcome a 督察 signs off on a 核查, mildest first. */
export enum InquiryOutcome {
  /** 无责: the delay had a sound reason (the resident unreachable, a referral pending …). */
  NoFault = 'no_fault',
  /** 提醒谈话: a reminder talk with the officer. */
  Reminder = 'reminder',
  /** 批评教育: criticism and education. */
  Criticism = 'criticism',
  /** 通报批评: a circulated reprimand. */
  Reprimand = 'reprimand',
  /** 移送追责: handed on for disciplinary accountability. */
  Accountability = 'accountability',
}

export const INQUIRY_OUTCOMES: readonly InquiryOutcome[] = Object.values(InquiryOutcome);

export const INQUIRY_OUTCOME_LABELS: Record<InquiryOutcome, string> = {
  [InquiryOutcome.NoFault]: '无责',
  [InquiryOutcome.Reminder]: '提醒谈话',
  [InquiryOutcome.Criticism]: '批评教育',
  [InquiryOutcome.Reprimand]: '通报批评',
  [InquiryOutcome.Accountability]: '移送追责',
};

/** 核查 findings: required, at most this many characters. */
export const INQUIRY_FINDINGS_MAX = 1000;

export function isInquiryOutcome(value: unknown): value is InquiryOutcome {
  return typeof value === 'string' && (INQUIRY_OUTCOMES as readonly string[]).includes(value);
}

/** One deadline of a case as the trail shows it: when it fell due, whether and when it was met, how far it escalated. */
export interface TrailDeadline {
  kind: DeadlineKind;
  dueAt: string;
  metAt: string | null;
  escalation: EscalationLevel;
  /** Minutes past due when met, or until now while unmet; 0 when met in time. */
  lateMinutes: number;
}

/**
 * One step of a trail, oldest first:
 * - escalated: the scheduler raised the case (its note says to whom);
 * - notice: someone was told (an in-app notice about the case), with when they read it;
 * - urge: a leader's 催办 with the instruction;
 * - reply: what the officer or the station did on the case (a status change or a note);
 * - handover: the case moved to another officer with its community;
 * - inquiry: a 核查 was opened.
 */
export interface TrailStep {
  at: string;
  kind: 'escalated' | 'notice' | 'urge' | 'reply' | 'handover' | 'inquiry';
  /** Who acted or, for a notice, who was told; null for the system. */
  who: string | null;
  whoRole: Role | null;
  text: string;
  /** For a notice: when its recipient read it, null while unread. */
  readAt?: string | null;
}

export interface ResponseTrail {
  deadlines: TrailDeadline[];
  steps: TrailStep[];
}

/** One row of the inspector's list: an overdue or escalated open case with its trail. */
export interface InspectionItem {
  caseId: number;
  number: string;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  communityName: string;
  officerName: string | null;
  createdAt: string;
  /** The highest escalation the case reached (0–3). */
  escalation: EscalationLevel;
  trail: ResponseTrail;
  /** 核查 opened on the case so far. */
  inquiryCount: number;
}

/** A 核查 as the inspector, the officer and the station leader read it. */
export interface InquiryView {
  id: number;
  caseId: number;
  caseNumber: string;
  caseTitle: string;
  inspectorName: string;
  /** The officer responsible when the 核查 was opened. */
  officerName: string | null;
  findings: string;
  outcome: InquiryOutcome;
  createdAt: string;
}

/** GET /api/inspection/cases/:id */
export interface InspectionCaseView {
  item: InspectionItem;
  inquiries: InquiryView[];
}

/** POST /api/cases/:id/inquiries */
export interface OpenInquiryRequest {
  findings: string;
  outcome: InquiryOutcome;
}
