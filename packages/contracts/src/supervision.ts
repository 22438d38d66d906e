import { CaseKind, CaseStatus, EscalationLevel, TERMINAL_STATUSES } from './cases';
import { Role } from './roles';

/** The two deadlines of a case: 首次响应 (first response) and 办结 (resolution). */
export type DeadlineKind = 'first_response' | 'resolution';

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  first_response: '首次响应',
  resolution: '办结',
};

/**
 * 督办 list: the lowest escalation level of an overdue deadline that puts a case on each leader's
 * list (with every level above it), in the leader's own jurisdiction.
 * - A station leader is alerted at 派出所督办 and the case stays theirs to chase at 分局催办, so
 *   they see both.
 * - A branch leader is alerted only at 分局催办. A case at 派出所督办 is still the station's to
 *   chase; listing every escalated case of the branch's ten-odd stations would bury the few that
 *   reached the branch (branch leaders still find them in 案件队列 with 只看逾期).
 * - The city has no rung of its own on the ladder: a city leader sees what reached the top (分局催办)
 *   anywhere in the city.
 */
export const SUPERVISION_FROM_LEVEL: Partial<Record<Role, EscalationLevel>> = {
  [Role.StationLeader]: EscalationLevel.StationSupervising,
  [Role.BranchLeader]: EscalationLevel.BranchUrging,
  [Role.CityLeader]: EscalationLevel.BranchUrging,
};

/** The escalation levels on a role's 督办 list, lowest first; none for roles without one. */
export function supervisedLevels(role: Role): EscalationLevel[] {
  const from = SUPERVISION_FROM_LEVEL[role];
  if (from === undefined) return [];
  return [EscalationLevel.StationSupervising, EscalationLevel.BranchUrging].filter((level) => level >= from);
}

/** 催办 instruction: required, at most this many characters. */
export const URGE_INSTRUCTION_MAX = 200;
/** One 催办 of a case per this many minutes, whoever urges (the officer gets one message, not a storm). */
export const URGE_INTERVAL_MINUTES = 10;

/** Whether a case is still being handled, so that urging its officer makes sense (not resolved or finished). */
export function isUrgeable(status: CaseStatus): boolean {
  return status !== CaseStatus.Resolved && !TERMINAL_STATUSES.includes(status);
}

/** One row of the 督办 list: an open case whose overdue deadline escalated to the caller's level. */
export interface SupervisedCase {
  caseId: number;
  /** 案件编号, e.g. 20261124-000123. */
  number: string;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  communityId: number;
  communityName: string;
  /** 责任民警; null while the community has none. */
  officerId: number | null;
  officerName: string | null;
  /** The overdue deadline that escalated (the most overdue one if both did). */
  deadlineKind: DeadlineKind;
  dueAt: string;
  /** How far that deadline escalated (派出所督办 or 分局催办). */
  escalation: EscalationLevel;
  /** The last 催办 of the case, by any leader; null if never urged. */
  lastUrgedAt: string | null;
}

/** POST /api/cases/:id/urge */
export interface UrgeCaseRequest {
  /** What the officer is to do, e.g. 请今天下班前上门核实并回复群众 (1–URGE_INSTRUCTION_MAX characters). */
  instruction: string;
}
