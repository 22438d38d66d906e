import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import {
  ANONYMOUS_APPLICANT_NAME, Anonymity, CaseKind, CaseStatus, ErrorCode, Permission, ROOM_STATUS_LABELS, TimelineEventType,
  type CaseDetail, type MediatorView, type UserView,
} from '@jws/contracts'

import { api, errorMessage } from '../api'
import { isApiError } from '../api/errors'
import { useAsync } from '../hooks/useAsync'
import { useSubmit } from '../hooks/useSubmit'
import { roomUrl } from '../lib/routes'
import { userCan } from '../session/store'
import Chips from './Chips'

const MEDIATABLE: readonly CaseStatus[] = [CaseStatus.Submitted, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Transferred, CaseStatus.Reopened]

/**
 * 调解 on a dispute's case page: the rooms of the case, 开启调解 for officers (mediator from the
 * station's roster; the respondent's name as the officer writes it — the report's 对方 may hold an
 * address or a phone number, which the room shows to every party), 申请调解 once for the reporter.
 */
export default function CaseMediation({ c, user, reporter, onUpdated }: { c: CaseDetail; user: UserView | null; reporter: boolean; onUpdated: (c: CaseDetail) => void }) {
  const rooms = useAsync(() => api.roomsOfCase(c.id), [c.id, c.status])
  const [form, setForm] = useState<{ mediators: MediatorView[]; mediatorId: number | null; respondent: string } | null>(null)
  const { busy, error, setError, run } = useSubmit()
  if (c.kind !== CaseKind.Dispute) return null
  const canOpen = userCan(user, Permission.MediationManage) && MEDIATABLE.includes(c.status) && !(rooms.data ?? []).some((r) => r.status === 'open')

  async function startForm() {
    // Not `run`: the button of 开启调解 is not busy while the roster loads.
    setError('')
    try {
      const mediators = await api.mediators(c.id)
      setForm({ mediators, mediatorId: mediators[0]?.id ?? null, respondent: '' })
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  async function open() {
    if (!form?.mediatorId) return setError('请选择调解员')
    if (!form.respondent.trim()) return setError('请填写被申请人的称呼')
    if (/\d{7,}/.test(form.respondent)) return setError('被申请人只填称呼，不要填写电话号码')
    const room = await run(() => api.openRoom({ caseId: c.id, mediatorUserId: form.mediatorId as number, respondentName: form.respondent.trim() }))
    if (room) void Taro.navigateTo({ url: roomUrl(room.id) })
  }

  async function ask() {
    if (busy) return
    const detail = await run(async () => {
      try {
        await api.requestMediation(c.id)
      } catch (e) {
        // Asked before (another tap, another device): show the case as it is now.
        if (isApiError(e) && e.code === ErrorCode.MediationAlreadyRequested) return api.caseDetail(c.id).catch(() => c)
        throw e
      }
      void Taro.showToast({ title: '已告知民警', icon: 'success' })
      return api.caseDetail(c.id)
    })
    if (detail) onUpdated(detail)
  }
  const requested = c.timeline.some((e) => e.type === TimelineEventType.MediationRequested)

  return (
    <View className='card' id='case-mediation'>
      <Text className='card__title'>调解</Text>
      {(rooms.data ?? []).map((r) => (
        <View key={r.id} className='row list-item' id={`case-room-${r.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: roomUrl(r.id) })}>
          <Text className='list-item__title'>网上调解室</Text>
          <Text className='muted'>{ROOM_STATUS_LABELS[r.status]} ›</Text>
        </View>
      ))}
      {canOpen && !form && (
        <Button block className='block-button' id='case-mediate' type='primary' onClick={() => void startForm()}>开启调解</Button>
      )}
      {form && (
        <View id='case-mediate-form'>
          {c.anonymity !== Anonymity.None && (
            <Text className='case-mediate__anonymous' id='case-mediate-anonymous'>
              上报人选择了对他人匿名：在调解室里，调解员、被申请人等其他成员只会看到“{ANONYMOUS_APPLICANT_NAME}”，看不到其姓名。
            </Text>
          )}
          <Text className='muted'>调解员</Text>
          <Chips options={form.mediators.map((m) => ({ value: m.id, label: m.nickname, id: `case-mediator-${m.id}` }))} value={form.mediatorId} onChange={(id) => setForm({ ...form, mediatorId: id })} />
          <Text className='muted'>被申请人的称呼（将通过邀请加入，调解各方都能看到）</Text>
          <View id='case-mediate-respondent'>
            <Input value={form.respondent} maxLength={20} placeholder='如：刘先生，请勿填写电话、住址' onChange={(v) => setForm({ ...form, respondent: v })} />
          </View>
          {c.otherParty && !c.otherParty.startsWith('（') && (
            <Text className='muted' id='case-mediate-other-party'>{`上报人所述对方：${c.otherParty}`}</Text>
          )}
          <Button block className='block-button' id='case-mediate-submit' type='primary' loading={busy} disabled={busy} onClick={() => void open()}>开启网上调解室</Button>
        </View>
      )}
      {reporter && c.status !== CaseStatus.InMediation && MEDIATABLE.includes(c.status) && !(rooms.data ?? []).length && (
        requested ? (
          <Text className='muted' id='case-mediation-requested'>已申请调解，等待民警安排调解员</Text>
        ) : (
          <Button block className='block-button' id='case-mediation-request' fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void ask()}>申请调解</Button>
        )
      )}
      {error && <Text className='room__error' id='case-mediation-error'>{error}</Text>}
    </View>
  )
}
