import {
  CaseStatus, DEFAULT_CASE_DEADLINES, ReferralStatus, REFERRAL_STATUS_LABELS, TimelineEventType, type CaseKind, type TimelineEventView,
} from '@jws/contracts'

import { caseKindLabel } from './case-labels'

/**
 * Words of the case page as a resident reads them: statuses a resident understands (已办结, not
 * 已关闭), timeline entries as sentences, the first response promised for the kind of report.
 * Staff keep the working words (CASE_STATUS_LABELS, 待签收/已签收).
 */
const RESIDENT_STATUS_LABELS: Record<CaseStatus, string> = {
  [CaseStatus.Submitted]: '已提交',
  [CaseStatus.Accepted]: '已受理',
  [CaseStatus.InProgress]: '办理中',
  [CaseStatus.Resolved]: '已办结待确认',
  [CaseStatus.Closed]: '已办结',
  [CaseStatus.Rejected]: '不予受理',
  [CaseStatus.Duplicate]: '重复上报',
  [CaseStatus.Transferred]: '已转其他社区',
  [CaseStatus.Referred]: '已转部门办理',
  [CaseStatus.InMediation]: '调解中',
  [CaseStatus.Reopened]: '重新办理中',
}
export const residentStatusLabel = (status: CaseStatus): string => RESIDENT_STATUS_LABELS[status] ?? status

/** A referral's state for a resident: no 签收 (a working word of the departments). */
const RESIDENT_REFERRAL_LABELS: Record<ReferralStatus, string> = {
  [ReferralStatus.Sent]: '已转交部门',
  [ReferralStatus.Signed]: '部门办理中',
  [ReferralStatus.Replied]: '部门已回复',
}
export const referralStatusLabel = (status: ReferralStatus, staff: boolean): string =>
  (staff ? REFERRAL_STATUS_LABELS : RESIDENT_REFERRAL_LABELS)[status] ?? status

/** 30 → 30 分钟, 120 → 2 小时, 90 → 1 小时 30 分钟. */
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} 分钟`
  return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`
}

/** 民警将在 30 分钟内响应您的上报（矛盾纠纷类）. */
export function firstResponsePromise(kind: CaseKind): string {
  return `民警将在 ${minutesText(DEFAULT_CASE_DEADLINES[kind].firstResponseMinutes)}内响应您的上报（${caseKindLabel(kind)}类）`
}

/** Statuses whose first response (受理) is still awaited. */
export const AWAITING_RESPONSE: readonly CaseStatus[] = [CaseStatus.Submitted, CaseStatus.Transferred, CaseStatus.Reopened]

/** Status changes as sentences: [for the reporter, for staff]. */
const STATUS_SENTENCES: Record<CaseStatus, [string, string]> = {
  [CaseStatus.Submitted]: ['您提交了上报', '群众提交了上报'],
  [CaseStatus.Accepted]: ['民警已受理您的上报', '民警受理了上报'],
  [CaseStatus.InProgress]: ['民警开始办理', '民警开始办理'],
  [CaseStatus.Resolved]: ['民警已办结，请您确认办理结果', '民警办结，待上报人确认'],
  [CaseStatus.Closed]: ['已办结', '已办结'],
  [CaseStatus.Rejected]: ['民警决定不予受理', '民警决定不予受理'],
  [CaseStatus.Duplicate]: ['与已有上报是同一件事，将一并办理', '标记为重复上报'],
  [CaseStatus.Transferred]: ['已转给其他社区的民警办理', '转交其他社区'],
  [CaseStatus.Referred]: ['已转有关部门办理', '转办有关部门'],
  [CaseStatus.InMediation]: ['已转入网上调解', '转入网上调解'],
  [CaseStatus.Reopened]: ['您要求重新办理', '上报人要求重新办理'],
}

function closedSentence(e: TimelineEventView, reporter: boolean): string {
  if (e.actorLabel === '系统') return reporter ? '您未在期限内确认，系统已自动确认办结' : '上报人未在期限内确认，系统自动确认办结'
  return reporter ? '您已确认办结' : '上报人已确认办结'
}

/** A timeline entry as a sentence: 民警已受理您的上报, not 状态变为：已受理. */
export function timelineSentence(e: TimelineEventView, reporter: boolean): string {
  const pick = ([mine, theirs]: [string, string]) => (reporter ? mine : theirs)
  switch (e.type) {
    case TimelineEventType.Submitted:
      return pick(STATUS_SENTENCES[CaseStatus.Submitted])
    case TimelineEventType.StatusChanged:
      if (e.toStatus === CaseStatus.Closed) return closedSentence(e, reporter)
      return e.toStatus ? pick(STATUS_SENTENCES[e.toStatus]) : '办理进度有更新'
    case TimelineEventType.Note:
      return e.public ? '民警记录了办理情况' : '内部备注'
    case TimelineEventType.ReporterInfo:
      return pick(['您补充了信息', '上报人补充了信息'])
    case TimelineEventType.Escalated:
      return '办理超时，已按规定升级'
    case TimelineEventType.SeriousRisk:
      return '民警标记为严重现实危险'
    case TimelineEventType.Rated:
      return pick(['您评价了本次办理', '上报人评价了本次办理'])
    case TimelineEventType.HeldForReview:
      return pick(['您的上报内容正在人工审核', '内容待人工审核'])
    case TimelineEventType.ReviewCleared:
      return '内容审核通过'
    case TimelineEventType.Urged:
      return '领导催办'
    case TimelineEventType.MediationRequested:
      return pick(['您申请了网上调解', '上报人申请网上调解'])
    case TimelineEventType.Reassigned:
      return '社区民警交接，转由新民警办理'
    case TimelineEventType.InquiryOpened:
      return '信访督察核查'
    default:
      return '办理进度有更新'
  }
}
