import {
  MEMBER_TYPE_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  ROLE_LABELS,
  Role,
  type MemberType,
  type MembershipStatus,
  type UserView,
} from '@jws/contracts'

export const memberTypeLabel = (type: MemberType): string => MEMBER_TYPE_LABELS[type] ?? type
export const membershipStatusLabel = (status: MembershipStatus): string => MEMBERSHIP_STATUS_LABELS[status] ?? status

/** 居民 · 信息员 for a resident the officer named informant. */
export function roleLabel(user: UserView): string {
  const label = ROLE_LABELS[user.role] ?? user.role
  return user.isInformant && user.role === Role.Resident ? `${label} · ${ROLE_LABELS[Role.Informant]}` : label
}

/** The server decides masking (only the responsible officer gets full numbers, and each read is audited). */
export const displayPhone = (phone: string | null): string => phone ?? '未登记'

/** 2025-11-24T08:00:00Z → 2025-11-24 16:00 (local time). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
