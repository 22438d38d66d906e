import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { agreementStatusLabel, ErrorCode, RoomStatus, type RoomDetail } from '@jws/contracts'

import { api, isApiError } from '../../../api'
import { useSubmit } from '../../../hooks/useSubmit'
import { ROUTES } from '../../../lib/routes'
import type { OnRoomUpdated } from './shared'

/** 调解协议: its text and who has confirmed it; a party confirms here (and is told when the mediator revised it). */
export default function AgreementCard({ room, onUpdated, reload }: { room: RoomDetail; onUpdated: OnRoomUpdated; reload: () => void }) {
  const a = room.agreement
  const { busy, error, setError, run } = useSubmit()
  const busyRef = useRef(false)
  // The version this page showed first: a later one is pointed out, so nobody confirms unawares.
  const [seenVersion, setSeenVersion] = useState(a?.version ?? 0)
  const updated = a !== null && !room.canMediate && seenVersion > 0 && a.version > seenVersion
  useEffect(() => {
    if (seenVersion === 0 && a) setSeenVersion(a.version)
  }, [a, seenVersion])
  if (!a) return null
  const open = room.status === RoomStatus.Open
  async function confirm() {
    // A second tap while the dialog or the call is under way does nothing.
    if (!a || busyRef.current) return
    busyRef.current = true
    const confirmed = await run(async () => {
      // Confirming binds the party and, once everyone has, ends the mediation: one tap is not enough for that.
      const { confirm: sure } = await Taro.showModal({
        title: '确认调解协议',
        content: `确认后即表示您同意第${a.version}版协议内容，全部当事人确认后调解结束，不能撤回。`,
        confirmText: '确认',
        cancelText: '再看看',
      })
      if (!sure) return null
      return api.confirmAgreement(room.id, a.id).catch((e: unknown) => {
        // The mediator revised it meanwhile (e.g. while this person was in 背靠背): show the new version.
        if (isApiError(e) && e.code === ErrorCode.AgreementOutdated) reload()
        throw e
      })
    })
    busyRef.current = false
    if (confirmed) onUpdated(confirmed)
  }
  return (
    <View className='card' id='agreement-card'>
      <Text className='card__title'>调解协议（第{a.version}版）</Text>
      {updated && (
        <View className='room__agreement-updated' id='agreement-updated'>
          <Text>调解员已修改调解协议（现为第{a.version}版），请重新阅读后再确认</Text>
          <View className='room__agreement-seen' ariaRole='button' id='agreement-updated-seen' onClick={() => { setSeenVersion(a.version); setError('') }}>知道了</View>
        </View>
      )}
      <Text className='room__label'>当事人</Text>
      <Text className='room__agreement-text'>{a.parties}</Text>
      <Text className='room__label'>纠纷事实</Text>
      <Text className='room__agreement-text'>{a.facts}</Text>
      <Text className='room__label'>协议内容</Text>
      <Text className='room__agreement-text' id='agreement-terms-text'>{a.terms}</Text>
      <Text className='room__label'>履行期限：{a.performanceDueAt.slice(0, 10)}</Text>
      <View id='agreement-confirmations'>
        {a.confirmations.map((c) => (
          <View key={c.memberId} className='room__confirmation' id={`agreement-confirmation-${c.memberId}`}>
            <Text className='room__confirmation-name'>{c.displayName}</Text>
            <View className='room__confirmation-tag'>
              <Tag type={c.confirmedAt ? 'success' : 'default'}>{c.confirmedAt ? '已确认' : open ? '待确认' : '未确认'}</Tag>
            </View>
          </View>
        ))}
      </View>
      <Text id='agreement-status' className={a.confirmed ? 'room__settled' : 'muted'}>{agreementStatusLabel(a.confirmed, room.status)}</Text>
      {a.confirmed && (
        <Button block className='block-button' id='agreement-document-open' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: `${ROUTES.agreement}?roomId=${room.id}` })}>
          查看调解协议书
        </Button>
      )}
      {error && <Text className='room__error' id='agreement-error'>{error}</Text>}
      {a.canConfirm && open && (
        <Button block className='block-button' id='agreement-confirm' type='primary' loading={busy} disabled={busy} onClick={() => void confirm()}>
          我已阅读并确认协议
        </Button>
      )}
    </View>
  )
}
