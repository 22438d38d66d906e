import {
  BULLETIN_KIND_LABELS, BULLETIN_STATUS_LABELS, BulletinKind, BulletinStatus, WARNING_TYPE_LABELS, type WarningType,
} from '@jws/contracts'

/** The kind tag of a bulletin: 预警 shows its kind of warning (防范提醒 …). */
export function bulletinKindLabel(kind: BulletinKind, warningType: WarningType | null): string {
  return kind === BulletinKind.Warning && warningType ? `预警·${WARNING_TYPE_LABELS[warningType]}` : BULLETIN_KIND_LABELS[kind]
}

/** NutUI tag colours by kind: warnings stand out. */
export function bulletinKindTagType(kind: BulletinKind): 'danger' | 'warning' | 'primary' | 'success' {
  switch (kind) {
    case BulletinKind.Warning:
      return 'danger'
    case BulletinKind.Rumour:
      return 'warning'
    case BulletinKind.Positive:
      return 'success'
    default:
      return 'primary'
  }
}

export const bulletinStatusLabel = (status: BulletinStatus): string => BULLETIN_STATUS_LABELS[status]

/** How long an item has waited, in words (审核队列的等待时长). */
export function waitedFor(sinceIso: string | null, now: Date): string {
  if (!sinceIso) return ''
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 60_000))
  if (minutes < 60) return `已等待${minutes}分钟`
  if (minutes < 24 * 60) return `已等待${Math.floor(minutes / 60)}小时`
  return `已等待${Math.floor(minutes / (24 * 60))}天`
}
