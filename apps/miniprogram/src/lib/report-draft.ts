import Taro from '@tarojs/taro'
import {
  Anonymity,
  CASE_SUBCATEGORIES,
  CaseKind,
  ContactPreference,
  SEALABLE_KINDS,
  type CreateCaseRequest,
} from '@jws/contracts'

import { draftErrors, errorsSummary, type FieldErrors } from './report-check'
import { uuid4 } from './uuid'

export interface DraftPhoto {
  id: string
  url: string
}

/** The unsent 上报 form, kept in storage so nothing typed is lost (and sent later when offline). */
export interface ReportDraft {
  /** Generated once per draft: a retry of the same draft cannot create a second case. */
  idempotencyKey: string
  kind: CaseKind | null
  subcategory: string
  title: string
  description: string
  addressText: string
  otherParty: string
  communityId: number | null
  location: { latitude: number; longitude: number; name: string } | null
  /** YYYY-MM-DD and HH:mm in local time, '' when not given. */
  occurredDate: string
  occurredTime: string
  photos: DraftPhoto[]
  contactPreference: ContactPreference
  anonymous: boolean
  sealed: boolean
  /** Submitting failed for lack of network: send it when the network is back. */
  pendingSubmit: boolean
}

export function emptyDraft(): ReportDraft {
  return {
    idempotencyKey: uuid4(),
    kind: null,
    subcategory: '',
    title: '',
    description: '',
    addressText: '',
    otherParty: '',
    communityId: null,
    location: null,
    occurredDate: '',
    occurredTime: '',
    photos: [],
    contactPreference: ContactPreference.InApp,
    anonymous: false,
    sealed: false,
    pendingSubmit: false,
  }
}

/** One draft per account: a shared phone must not send one person's report as another's. */
const storageKey = (userId: number) => `jws.reportDraft.${userId}`

export function readDraft(userId: number): ReportDraft | null {
  try {
    const value: unknown = Taro.getStorageSync(storageKey(userId))
    if (typeof value === 'object' && value !== null && typeof (value as ReportDraft).idempotencyKey === 'string') {
      return { ...emptyDraft(), ...(value as ReportDraft) }
    }
  } catch {
    // Unreadable storage: start a new draft.
  }
  return null
}

export function writeDraft(userId: number, draft: ReportDraft): void {
  try {
    Taro.setStorageSync(storageKey(userId), draft)
  } catch {
    // Storage full: the form still works, it just is not kept.
  }
}

export function clearDraft(userId: number): void {
  try {
    Taro.removeStorageSync(storageKey(userId))
  } catch {
    // Nothing to clear.
  }
}

/** Anything typed or chosen worth keeping? */
export function draftHasContent(d: ReportDraft): boolean {
  return Boolean(d.kind || d.title || d.description || d.addressText || d.otherParty || d.photos.length || d.occurredDate || d.location)
}

/** The kinds that ask where exactly (hazards must say). */
export const addressAsked = (kind: CaseKind | null): boolean => kind !== null && kind !== CaseKind.Question
export const addressRequired = (kind: CaseKind | null): boolean => kind === CaseKind.Hazard
export const otherPartyAsked = (kind: CaseKind | null): boolean => kind === CaseKind.Dispute
export const sealAllowed = (kind: CaseKind | null, isInformant: boolean): boolean =>
  isInformant && kind !== null && SEALABLE_KINDS.includes(kind)

/** The subcategory chosen when a kind is picked: its 其他… entry until the person picks one. */
export function defaultSubcategory(kind: CaseKind): string {
  const list = CASE_SUBCATEGORIES[kind]
  return list.find((s) => s.code === 'other')?.code ?? list[0]?.code ?? ''
}

function occurredAt(d: ReportDraft): { iso?: string; error?: string } {
  if (!d.occurredDate && !d.occurredTime) return {}
  const today = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = d.occurredDate || `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  const [y, m, day] = date.split('-').map(Number)
  const [hh, mm] = (d.occurredTime || '00:00').split(':').map(Number)
  const at = new Date(y, m - 1, day, hh, mm)
  if (Number.isNaN(at.getTime())) return { error: '发生时间格式不正确' }
  if (at.getTime() > Date.now() + 60_000) return { error: '发生时间不能晚于现在' }
  return { iso: at.toISOString() }
}

/**
 * The request body of a draft, or what to fix. The same draft always gives the same
 * body (so a retry with the draft's Idempotency-Key is recognised by the server). `fields` marks
 * every field to fix at once.
 */
export function buildCreateRequest(
  d: ReportDraft,
  opts: { isInformant: boolean; communityId: number | null },
): { body: CreateCaseRequest } | { error: string; fields?: FieldErrors } {
  const time = occurredAt(d)
  const fields = draftErrors(d, time.error)
  const summary = errorsSummary(fields)
  if (summary || !d.kind) return { error: summary ?? '请选择上报类型', fields }
  const title = d.title.trim()
  const description = d.description.trim()
  const addressText = d.addressText.trim()
  const otherParty = d.otherParty.trim()

  const sealed = d.sealed && sealAllowed(d.kind, opts.isInformant)
  const body: CreateCaseRequest = {
    kind: d.kind,
    subcategory: d.subcategory || defaultSubcategory(d.kind),
    title,
    description,
    // Sealed: the officer cannot see who reported, so cannot phone them either.
    contactPreference: sealed && d.contactPreference === ContactPreference.Phone ? ContactPreference.InApp : d.contactPreference,
    anonymity: sealed ? Anonymity.Sealed : d.anonymous ? Anonymity.Others : Anonymity.None,
  }
  if (opts.communityId !== null) body.communityId = opts.communityId
  if (addressAsked(d.kind) && addressText) body.addressText = addressText
  if (otherPartyAsked(d.kind) && otherParty) body.otherParty = otherParty
  if (d.location) {
    body.latitude = d.location.latitude
    body.longitude = d.location.longitude
  }
  if (time.iso) body.occurredAt = time.iso
  if (d.photos.length) body.photoIds = d.photos.map((p) => p.id)
  return { body }
}
