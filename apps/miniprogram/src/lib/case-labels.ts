import {
  Anonymity,
  CASE_ACTION_LABELS,
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  CASE_SUBCATEGORIES,
  CONTACT_PREFERENCE_LABELS,
  CaseAction,
  CaseStatus,
  ESCALATION_LABELS,
  EscalationLevel,
  supervisedLevels,
  type Role,
  type CaseKind,
  type ContactPreference,
  type DeadlineView,
} from '@jws/contracts'

export const caseKindLabel = (kind: CaseKind): string => CASE_KIND_LABELS[kind] ?? kind
export const caseStatusLabel = (status: CaseStatus): string => CASE_STATUS_LABELS[status] ?? status
export const caseActionLabel = (action: CaseAction): string => CASE_ACTION_LABELS[action] ?? action
export const contactPreferenceLabel = (p: ContactPreference): string => CONTACT_PREFERENCE_LABELS[p] ?? p

export function subcategoryLabel(kind: CaseKind, code: string): string {
  return CASE_SUBCATEGORIES[kind]?.find((s) => s.code === code)?.label ?? code
}

/** 矛盾纠纷 · 邻里纠纷 */
export const kindAndSubcategory = (kind: CaseKind, code: string): string => `${caseKindLabel(kind)} · ${subcategoryLabel(kind, code)}`

/** '' for no escalation. */
export const escalationLabel = (level: EscalationLevel): string => ESCALATION_LABELS[level] ?? ''

/** What reaches a leader's 督办 list, in words: 派出所督办或分局催办. */
export const supervisedLevelsText = (role: Role): string => supervisedLevels(role).map(escalationLabel).join('或')

export const ANONYMITY_LABELS: Record<Anonymity, string> = {
  [Anonymity.None]: '不匿名',
  [Anonymity.Others]: '对他人匿名',
  [Anonymity.Sealed]: '信息员保密模式',
}

export type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const STATUS_TAGS: Partial<Record<CaseStatus, TagType>> = {
  [CaseStatus.Submitted]: 'warning',
  [CaseStatus.Reopened]: 'warning',
  [CaseStatus.Accepted]: 'primary',
  [CaseStatus.InProgress]: 'primary',
  [CaseStatus.InMediation]: 'primary',
  [CaseStatus.Referred]: 'primary',
  [CaseStatus.Transferred]: 'primary',
  [CaseStatus.Resolved]: 'success',
  // Handled and confirmed: green, as an end reached (a resident reads 已办结).
  [CaseStatus.Closed]: 'success',
}

export const caseStatusTag = (status: CaseStatus): TagType => STATUS_TAGS[status] ?? 'default'

/** Actions whose note is required by the server (REASON_REQUIRED otherwise): a reason, or for 办结 the result the reporter reads. */
export const REASON_REQUIRED_ACTIONS: readonly CaseAction[] = [CaseAction.Reject, CaseAction.Transfer, CaseAction.Reopen, CaseAction.MarkDuplicate, CaseAction.Resolve]

const DEADLINE_LABELS: Record<DeadlineView['kind'], string> = {
  first_response: '首次响应',
  resolution: '办结时限',
}
export const deadlineLabel = (kind: DeadlineView['kind']): string => DEADLINE_LABELS[kind] ?? kind

const ACTOR_LABELS: Record<string, string> = {
  resident: '群众',
  reporter: '上报人',
  officer: '民警',
  system: '系统',
}
export const actorLabel = (label: string): string => ACTOR_LABELS[label] ?? label
