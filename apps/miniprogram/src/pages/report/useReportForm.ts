import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { MembershipStatus, type MembershipView, type UserView } from '@jws/contracts'

import { api, errorMessage, isApiError } from '../../api'
import { uploadedIds, type PhotoItem } from '../../components/PhotoPicker'
import { useLatestState } from '../../hooks/useLatestState'
import { SUBSCRIBE_TEMPLATES } from '../../lib/config'
import { buildCreateRequest, clearDraft, draftHasContent, emptyDraft, readDraft, writeDraft, type ReportDraft } from '../../lib/report-draft'
import { draftErrors, type FieldErrors } from '../../lib/report-check'
import { takeReportPrefill, withPrefill } from '../../lib/report-prefill'
import { caseUrl } from '../../lib/routes'
import { uuid4 } from '../../lib/uuid'
import { platform } from '../../platform'

export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; code?: string }

function restorePhotos(draft: ReportDraft): PhotoItem[] {
  return draft.photos.map((p) => ({ key: `saved-${p.id}`, id: p.id, url: p.url }))
}

/** The photos worth keeping in storage: the uploaded ones. */
function keptPhotos(photos: PhotoItem[]): ReportDraft['photos'] {
  return photos.filter((p) => p.id && p.url).map((p) => ({ id: p.id as string, url: p.url as string }))
}

/**
 * The 上报 form's state: the draft (kept in storage, with its Idempotency-Key, until it is sent), its
 * photos and the submission. A draft that could not be sent for lack of network goes out by itself
 * when the network is back or the page shows again.
 */
export function useReportForm(user: UserView, communities: MembershipView[] | null) {
  // 办事指引's 上报矛盾纠纷 / 上报安全隐患 open the form with the matter's kind and subcategory chosen.
  const [draft, setDraft, latestDraft] = useLatestState<ReportDraft>(() => withPrefill(readDraft(user.id) ?? emptyDraft(), takeReportPrefill()))
  const [photos, setPhotos, latestPhotos] = useLatestState<PhotoItem[]>(() => restorePhotos(latestDraft()))
  const [status, setStatus] = useState<SubmitState>(() => (latestDraft().pendingSubmit ? { kind: 'offline' } : { kind: 'idle' }))
  const sending = useRef(false)
  const showing = useRef(true)
  // After a submission stopped by the check, every field to fix is marked, and stays marked until fixed.
  const [checked, setChecked] = useState(false)

  const active = communities?.filter((m) => m.status === MembershipStatus.Active) ?? null
  const communityOf = (d: ReportDraft) =>
    active && active.length > 0 ? (active.find((m) => m.communityId === d.communityId) ?? active[0]).communityId : null
  const communityId = communityOf(draft)

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setStatus((s) => (s.kind === 'error' ? { kind: 'idle' } : s))
  }

  // Keep the draft (with uploaded photos only) in storage, a moment after the last keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      const saved: ReportDraft = { ...draft, photos: keptPhotos(photos) }
      if (draftHasContent(saved) || saved.pendingSubmit) writeDraft(user.id, saved)
      else clearDraft(user.id)
    }, 300)
    return () => clearTimeout(timer)
  }, [draft, photos, user.id])

  function build(d: ReportDraft) {
    const current = latestPhotos()
    const ids = uploadedIds(current)
    if (ids === null) {
      return { error: current.some((p) => p.uploading) ? '图片正在上传，请稍候再提交' : '有图片上传失败，请点击图片重试或删除后再提交' }
    }
    const withPhotos: ReportDraft = { ...d, photos: current.map((p) => ({ id: p.id as string, url: p.url ?? '' })) }
    return buildCreateRequest(withPhotos, { isInformant: user.isInformant, communityId: communityOf(d) })
  }

  /** Back to an empty form: the stored draft, its idempotency key and the photos go. */
  function resetForm() {
    clearDraft(user.id)
    setDraft(emptyDraft())
    setPhotos([])
    setStatus({ kind: 'idle' })
    setChecked(false)
  }

  async function send(auto: boolean) {
    if (sending.current) return
    const d = latestDraft()
    const built = build(d)
    if ('error' in built) {
      setDraft((x) => ({ ...x, pendingSubmit: false }))
      setStatus({ kind: 'error', message: built.error })
      if (built.fields) setChecked(true)
      return
    }
    sending.current = true
    setStatus({ kind: 'sending' })
    try {
      const created = await api.createCase(built.body, d.idempotencyKey)
      resetForm()
      if (auto && !showing.current) void Taro.showToast({ title: '草稿已自动提交', icon: 'success' })
      else void Taro.navigateTo({ url: caseUrl(created.id) })
    } catch (e) {
      if (isApiError(e) && e.code === 'NETWORK_ERROR') {
        setDraft((x) => ({ ...x, pendingSubmit: true }))
        writeDraft(user.id, { ...latestDraft(), photos: keptPhotos(latestPhotos()) })
        setStatus({ kind: 'offline' })
      } else if (isApiError(e) && e.code === 'SIGNED_OUT') {
        setStatus({ kind: 'idle' })
      } else {
        setDraft((x) => ({ ...x, pendingSubmit: false }))
        setStatus({ kind: 'error', message: errorMessage(e), code: isApiError(e) ? e.code : undefined })
      }
    } finally {
      sending.current = false
    }
  }

  /** The tap on 提交上报: subscribe-message prompt first (WeChat allows it only from a tap), then send. */
  function submitTap() {
    if (sending.current) return
    const built = build(latestDraft())
    if ('error' in built) {
      setStatus({ kind: 'error', message: built.error })
      if (built.fields) setChecked(true)
      return
    }
    void platform.requestSubscribe(SUBSCRIBE_TEMPLATES).then(() => send(false))
  }

  /** After IDEMPOTENCY_KEY_CONFLICT: the person wants this content as a report of its own. */
  function submitAsNew() {
    setDraft((d) => ({ ...d, idempotencyKey: uuid4() }))
    submitTap()
  }

  function discard() {
    void Taro.showModal({ title: '清空草稿', content: '确定清空已填写的内容吗？', confirmText: '清空' }).then(({ confirm }) => {
      if (confirm) resetForm()
    })
  }

  // A draft that could not be sent goes out when the network is back, or when the page shows again.
  const retry = useRef<() => void>(() => undefined)
  retry.current = () => {
    if (latestDraft().pendingSubmit && !sending.current) void send(true)
  }
  useEffect(() => {
    retry.current()
    return platform.onNetworkRestored(() => retry.current())
  }, [])
  useDidShow(() => {
    showing.current = true
    const prefill = takeReportPrefill()
    if (prefill) update({ kind: prefill.kind, subcategory: prefill.subcategory })
    retry.current()
  })
  useDidHide(() => {
    showing.current = false
  })

  async function chooseLocation() {
    if (!platform.chooseLocation) return
    const picked = await platform.chooseLocation()
    if (!picked) return
    const place = [picked.address, picked.name].filter(Boolean).join(' ')
    update({
      location: { latitude: picked.latitude, longitude: picked.longitude, name: picked.name || picked.address },
      addressText: latestDraft().addressText || place.slice(0, 100),
    })
  }

  const fieldErrors: FieldErrors = checked ? draftErrors(draft) : {}
  return { draft, update, photos, setPhotos, status, fieldErrors, active, communityId, submitTap, submitAsNew, discard, chooseLocation }
}
export type ReportFormState = ReturnType<typeof useReportForm>
