import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import {
  CASE_DESCRIPTION_MAX,
  CASE_KIND_LABELS,
  CASE_SUBCATEGORIES,
  CASE_TITLE_MAX,
  CONTACT_PREFERENCE_LABELS,
  CaseKind,
  ContactPreference,
  ErrorCode,
  MembershipStatus,
  Permission,
  type MembershipView,
  type ReportPrefill,
  type UserView,
} from '@jws/contracts'

import { api, errorMessage, isApiError } from '../../api'
import Chips from '../../components/Chips'
import PhotoPicker, { uploadedIds, type PhotoItem } from '../../components/PhotoPicker'
import { ErrorBlock, Loading } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import Toggle from '../../components/Toggle'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { SUBSCRIBE_TEMPLATES } from '../../lib/config'
import {
  addressAsked,
  addressRequired,
  buildCreateRequest,
  clearDraft,
  defaultSubcategory,
  draftHasContent,
  emptyDraft,
  otherPartyAsked,
  readDraft,
  sealAllowed,
  writeDraft,
  type ReportDraft,
} from '../../lib/report-draft'
import { takeReportPrefill } from '../../lib/report-prefill'
import { caseUrl, ROUTES } from '../../lib/routes'
import { uuid4 } from '../../lib/uuid'
import { platform } from '../../platform'
import { userCan } from '../../session/store'
import './index.scss'

const OFFLINE_MESSAGE = '网络不可用，已保存草稿，恢复网络后自动提交'

const KIND_OPTIONS = (Object.keys(CASE_KIND_LABELS) as CaseKind[]).map((kind) => ({
  value: kind,
  label: CASE_KIND_LABELS[kind],
  id: `report-kind-${kind}`,
}))

const CONTACT_OPTIONS = (Object.keys(CONTACT_PREFERENCE_LABELS) as ContactPreference[]).map((p) => ({
  value: p,
  label: CONTACT_PREFERENCE_LABELS[p],
  id: `report-contact-${p}`,
}))

/** Numbers to call instead of reporting online. 110 sits on top of the page. */
const HOTLINES = [
  { number: '119', label: '火警', hint: '火灾及抢险救援' },
  { number: '120', label: '急救', hint: '医疗急救' },
  { number: '12345', label: '政务服务便民热线', hint: '非警务类咨询、投诉和求助' },
] as const

type SubmitState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; code?: string }

function EmergencyCard() {
  return (
    <View className='card report__emergency' id='report-emergency'>
      <View className='row'>
        <View className='list-item__main'>
          <Text className='report__emergency-title'>紧急情况请拨打 110</Text>
          <Text className='muted'>正在发生的违法犯罪、危及人身安全的险情，请立即报警，不要在线上报。</Text>
        </View>
        <Button id='call-110' type='danger' onClick={() => void platform.makePhoneCall('110')}>
          拨打 110
        </Button>
      </View>
    </View>
  )
}

function HotlineList() {
  return (
    <View className='card' id='hotline-list'>
      <Text className='card__title'>其他电话</Text>
      {HOTLINES.map((line) => (
        <View key={line.number} className='row list-item'>
          <View className='list-item__main'>
            <Text className='list-item__title'>
              {line.number} {line.label}
            </Text>
            <Text className='list-item__meta'>{line.hint}</Text>
          </View>
          <Button id={`call-${line.number}`} type='primary' fill='outline' onClick={() => void platform.makePhoneCall(line.number)}>
            拨打
          </Button>
        </View>
      ))}
    </View>
  )
}

function Field({ label, required, hint, children }: { label: string; required?: boolean; hint?: string; children: ReactNode }) {
  return (
    <View className='report__field'>
      <Text className='report__label'>
        {label}
        {required ? <Text className='report__required'> *</Text> : <Text className='report__optional'>（选填）</Text>}
      </Text>
      {hint && <Text className='report__hint'>{hint}</Text>}
      {children}
    </View>
  )
}

function JoinFirst({ pending }: { pending: boolean }) {
  return (
    <View className='card' id='report-join'>
      <Text className='card__title'>{pending ? '加入申请待民警审核' : '请先加入您所在的社区'}</Text>
      <Text className='muted'>
        {pending ? '民警通过您的加入申请后，即可在这里上报。' : '上报会交给您所在社区的民警办理，加入社区后即可上报。'}
      </Text>
      <Button block className='block-button' type='primary' fill={pending ? 'outline' : 'solid'} onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
        {pending ? '有邀请码？直接加入' : '加入社区'}
      </Button>
    </View>
  )
}

function todayString(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function restorePhotos(draft: ReportDraft): PhotoItem[] {
  return draft.photos.map((p) => ({ key: `saved-${p.id}`, id: p.id, url: p.url }))
}

/** The draft with a kind and subcategory chosen for it (the rest of what was typed is kept). */
function withPrefill(draft: ReportDraft, prefill: ReportPrefill | null): ReportDraft {
  return prefill ? { ...draft, kind: prefill.kind, subcategory: prefill.subcategory } : draft
}

/** The 上报 form. Keeps its draft (and the draft's Idempotency-Key) in storage until it is sent. */
function ReportForm({ user, communities }: { user: UserView; communities: MembershipView[] | null }) {
  // 办事指引's 上报矛盾纠纷 / 上报安全隐患 open the form with the matter's kind and subcategory chosen.
  const [draft, setDraft] = useState<ReportDraft>(() => withPrefill(readDraft(user.id) ?? emptyDraft(), takeReportPrefill()))
  const [photos, setPhotos] = useState<PhotoItem[]>(() => restorePhotos(draft))
  const [status, setStatus] = useState<SubmitState>(() => (draft.pendingSubmit ? { kind: 'offline' } : { kind: 'idle' }))

  // Event handlers (network listener, page show) read the latest form through refs.
  const draftRef = useRef(draft)
  draftRef.current = draft
  const photosRef = useRef(photos)
  photosRef.current = photos
  const sending = useRef(false)
  const showing = useRef(true)

  const active = communities?.filter((m) => m.status === MembershipStatus.Active) ?? null
  const communityId = active && active.length > 0
    ? (active.find((m) => m.communityId === draft.communityId) ?? active[0]).communityId
    : null
  const communityRef = useRef(communityId)
  communityRef.current = communityId

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setStatus((s) => (s.kind === 'error' ? { kind: 'idle' } : s))
  }

  // Keep the draft (with uploaded photos only) in storage, a moment after the last keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      const saved: ReportDraft = {
        ...draft,
        photos: photos.filter((p) => p.id && p.url).map((p) => ({ id: p.id as string, url: p.url as string })),
      }
      if (draftHasContent(saved) || saved.pendingSubmit) writeDraft(user.id, saved)
      else clearDraft(user.id)
    }, 300)
    return () => clearTimeout(timer)
  }, [draft, photos, user.id])

  function build(d: ReportDraft) {
    const ids = uploadedIds(photosRef.current)
    if (ids === null) {
      return {
        error: photosRef.current.some((p) => p.uploading) ? '图片正在上传，请稍候再提交' : '有图片上传失败，请点击图片重试或删除后再提交',
      }
    }
    const withPhotos: ReportDraft = {
      ...d,
      photos: photosRef.current.map((p) => ({ id: p.id as string, url: p.url ?? '' })),
    }
    return buildCreateRequest(withPhotos, { isInformant: user.isInformant, communityId: communityRef.current })
  }

  async function send(auto: boolean) {
    if (sending.current) return
    const d = draftRef.current
    const built = build(d)
    if ('error' in built) {
      setDraft((x) => ({ ...x, pendingSubmit: false }))
      setStatus({ kind: 'error', message: built.error })
      return
    }
    sending.current = true
    setStatus({ kind: 'sending' })
    try {
      const created = await api.createCase(built.body, d.idempotencyKey)
      resetForm()
      if (auto && !showing.current) {
        void Taro.showToast({ title: '草稿已自动提交', icon: 'success' })
      } else {
        void Taro.navigateTo({ url: caseUrl(created.id) })
      }
    } catch (e) {
      if (isApiError(e) && e.code === 'NETWORK_ERROR') {
        const pending = { ...draftRef.current, pendingSubmit: true }
        draftRef.current = pending
        setDraft(pending)
        writeDraft(user.id, {
          ...pending,
          photos: photosRef.current.filter((p) => p.id && p.url).map((p) => ({ id: p.id as string, url: p.url as string })),
        })
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
    const built = build(draftRef.current)
    if ('error' in built) {
      setStatus({ kind: 'error', message: built.error })
      return
    }
    void platform.requestSubscribe(SUBSCRIBE_TEMPLATES).then(() => send(false))
  }

  /** After IDEMPOTENCY_KEY_CONFLICT: the person wants this content as a report of its own. */
  function submitAsNew() {
    const renewed = { ...draftRef.current, idempotencyKey: uuid4() }
    draftRef.current = renewed
    setDraft(renewed)
    submitTap()
  }

  /** Back to an empty form: the stored draft, its idempotency key and the photos go. */
  function resetForm() {
    clearDraft(user.id)
    const fresh = emptyDraft()
    draftRef.current = fresh
    setDraft(fresh)
    setPhotos([])
    setStatus({ kind: 'idle' })
  }

  function discard() {
    void Taro.showModal({ title: '清空草稿', content: '确定清空已填写的内容吗？', confirmText: '清空' }).then(({ confirm }) => {
      if (!confirm) return
      resetForm()
    })
  }

  // A draft that could not be sent goes out when the network is back, or when the page shows again.
  const retry = useRef<() => void>(() => undefined)
  retry.current = () => {
    if (draftRef.current.pendingSubmit && !sending.current) void send(true)
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
      addressText: draftRef.current.addressText || place.slice(0, 100),
    })
  }

  const kind = draft.kind
  const canSeal = sealAllowed(kind, user.isInformant)
  const busy = status.kind === 'sending'

  return (
    <>
      <View className='card'>
        <Text className='card__title'>您要上报什么？</Text>
        <Chips
          id='report-kind'
          options={KIND_OPTIONS}
          value={kind}
          onChange={(k) => update({ kind: k, subcategory: defaultSubcategory(k), sealed: draft.sealed && sealAllowed(k, user.isInformant) })}
        />
        {kind && (
          <View className='report__field'>
            <Text className='report__label'>具体类别</Text>
            <Chips
              id='report-subcategory'
              options={CASE_SUBCATEGORIES[kind].map((s) => ({ value: s.code, label: s.label, id: `report-subcategory-${s.code}` }))}
              value={draft.subcategory || defaultSubcategory(kind)}
              onChange={(code) => update({ subcategory: code })}
            />
          </View>
        )}
      </View>

      <View className='card'>
        <Text className='card__title'>情况说明</Text>
        <Field label='标题' required>
          <View className='report__input' id='report-title'>
            <Input
              value={draft.title}
              placeholder='一句话说明事情，如：楼道堆放杂物堵住消防通道'
              maxLength={CASE_TITLE_MAX}
              onChange={(value) => update({ title: value })}
            />
          </View>
          <Text className='report__counter'>
            {draft.title.length}/{CASE_TITLE_MAX}
          </Text>
        </Field>
        <Field label='详细描述' required>
          <View className='report__input' id='report-description'>
            <TextArea
              value={draft.description}
              placeholder='发生了什么、涉及哪些人、目前情况如何'
              maxLength={CASE_DESCRIPTION_MAX}
              showCount
              autoSize
              onChange={(value) => update({ description: value })}
            />
          </View>
        </Field>
        {otherPartyAsked(kind) && (
          <Field label='对方是谁' hint='如：楼上 502 住户、某某商店。仅办理民警可见。'>
            <View className='report__input' id='report-other-party'>
              <Input value={draft.otherParty} placeholder='对方的称呼或住址' maxLength={100} onChange={(value) => update({ otherParty: value })} />
            </View>
          </Field>
        )}
        {addressAsked(kind) && (
          <Field label='具体位置' required={addressRequired(kind)}>
            <View className='report__input' id='report-address'>
              <Input value={draft.addressText} placeholder='如：3 号楼 2 单元楼道' maxLength={100} onChange={(value) => update({ addressText: value })} />
            </View>
            {platform.chooseLocation && (
              <View className='report__location'>
                <Button id='report-location' size='small' fill='outline' type='primary' onClick={() => void chooseLocation()}>
                  {draft.location ? '重新选择地图位置' : '在地图上选点'}
                </Button>
                {draft.location && (
                  <View className='report__location-picked'>
                    <Text className='muted'>已选：{draft.location.name || '地图位置'}</Text>
                    <Text className='report__link' onClick={() => update({ location: null })}>
                      清除
                    </Text>
                  </View>
                )}
              </View>
            )}
          </Field>
        )}
        {active && active.length > 0 && (
          <Field label='所在社区' required>
            {active.length === 1 ? (
              <Text className='report__value' id='report-community'>{active[0].communityName}</Text>
            ) : (
              <Chips
                id='report-community'
                options={active.map((m) => ({ value: m.communityId, label: m.communityName, id: `report-community-${m.communityId}` }))}
                value={communityId}
                onChange={(id) => update({ communityId: id })}
              />
            )}
          </Field>
        )}
        <Field label='发生时间'>
          <View className='report__when' id='report-occurred'>
            <Picker mode='date' value={draft.occurredDate || todayString()} end={todayString()} onChange={(e) => update({ occurredDate: e.detail.value })}>
              <View className='picker-field report__picker' id='report-occurred-date'>
                <Text className={draft.occurredDate ? '' : 'picker-field__placeholder'}>{draft.occurredDate || '选择日期'}</Text>
              </View>
            </Picker>
            <Picker mode='time' value={draft.occurredTime || '12:00'} onChange={(e) => update({ occurredTime: e.detail.value })}>
              <View className='picker-field report__picker' id='report-occurred-time'>
                <Text className={draft.occurredTime ? '' : 'picker-field__placeholder'}>{draft.occurredTime || '选择时间'}</Text>
              </View>
            </Picker>
            {(draft.occurredDate || draft.occurredTime) && (
              <Text className='report__link' onClick={() => update({ occurredDate: '', occurredTime: '' })}>
                清除
              </Text>
            )}
          </View>
        </Field>
      </View>

      <View className='card'>
        <Text className='card__title'>图片（选填，最多 9 张）</Text>
        <PhotoPicker idPrefix='report' photos={photos} onChange={setPhotos} disabled={busy} />
      </View>

      <View className='card'>
        <Text className='card__title'>联系方式与匿名</Text>
        {canSeal && draft.sealed ? (
          <>
            <Chips
              id='report-contact'
              options={CONTACT_OPTIONS.filter((o) => o.value !== ContactPreference.Phone)}
              value={draft.contactPreference === ContactPreference.Phone ? ContactPreference.InApp : draft.contactPreference}
              onChange={(p) => update({ contactPreference: p })}
            />
            <Text className='muted' id='report-contact-sealed'>保密模式下民警看不到您是谁，会通过小程序消息与您联系，不会打电话</Text>
          </>
        ) : (
          <Chips id='report-contact' options={CONTACT_OPTIONS} value={draft.contactPreference} onChange={(p) => update({ contactPreference: p })} />
        )}
        <Toggle
          id='report-anonymous'
          title='对他人匿名'
          description='除办理民警外，其他人看不到您的姓名和电话'
          checked={draft.anonymous || (canSeal && draft.sealed)}
          disabled={canSeal && draft.sealed}
          onChange={(on) => update({ anonymous: on })}
        />
        {canSeal && (
          <Toggle
            id='report-sealed'
            title='信息员保密模式'
            description='身份加密封存，办理民警也看不到；仅派出所领导可按规定说明理由后查看'
            checked={draft.sealed}
            onChange={(on) => update({ sealed: on })}
          />
        )}
      </View>

      <View className='card report__submit'>
        {status.kind === 'offline' && (
          <Text className='report__offline' id='report-error'>
            {OFFLINE_MESSAGE}
          </Text>
        )}
        {status.kind === 'error' && (
          <View>
            <Text className='error-text' id='report-error'>
              {status.message}
            </Text>
            {status.code === ErrorCode.NoCommunity && (
              <Button block className='block-button' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
                加入社区
              </Button>
            )}
            {status.code === ErrorCode.IdempotencyKeyConflict && (
              <View className='report__conflict'>
                <Button fill='outline' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
                  查看我的上报
                </Button>
                <Button fill='outline' type='default' onClick={submitAsNew}>
                  作为新上报提交
                </Button>
              </View>
            )}
          </View>
        )}
        <Button block className='block-button' id='report-submit' type='primary' loading={busy} disabled={busy} onClick={submitTap}>
          {status.kind === 'offline' ? '立即重试' : '提交上报'}
        </Button>
        {(draftHasContent(draft) || photos.length > 0) && !busy && (
          <Text className='report__link report__discard' id='report-discard' onClick={discard}>
            清空草稿
          </Text>
        )}
        <Text className='report__hint report__footnote'>
          上报将交给您所在社区的民警办理，进展会在“我的 → 我的上报”和消息中通知您。
        </Text>
      </View>
    </>
  )
}

/** 上报 tab: the emergency number on top, the report form for residents, other hotlines below. */
export default function ReportPage() {
  const me = useMe()
  const user = me.user
  const canReport = userCan(user, Permission.CaseReport)
  // Memberships only feed the community picker: the form works (and a draft is sent) without them.
  const memberships = useAsync(async () => (canReport ? api.myMemberships() : null), [canReport, user?.id], { reloadOnShow: true })
  const list = memberships.data ?? null
  const active = list?.filter((m) => m.status === MembershipStatus.Active) ?? null

  let body: ReactNode
  if (!user) {
    body = me.error ? <ErrorBlock error={me.error} onRetry={me.reload} /> : <Loading />
  } else if (!canReport) {
    body = (
      <View className='card' id='report-staff'>
        <Text className='card__title'>群众上报由工作台处理</Text>
        <Text className='muted'>您是工作人员，辖区群众的上报请在“工作台 → 案件队列”中查看和办理。</Text>
        {userCan(user, Permission.WorkbenchAccess) && (
          <Button block className='block-button' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.workbench })}>
            进入工作台
          </Button>
        )}
      </View>
    )
  } else if (active !== null && active.length === 0) {
    body = <JoinFirst pending={Boolean(list?.some((m) => m.status === MembershipStatus.Pending))} />
  } else {
    body = <ReportForm key={user.id} user={user} communities={list} />
  }

  return (
    <TabPage tab='report'>
      <EmergencyCard />
      {body}
      <HotlineList />
    </TabPage>
  )
}
