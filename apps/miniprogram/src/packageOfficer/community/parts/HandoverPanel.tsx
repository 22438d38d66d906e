import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { hasWords, type WorkbenchCommunity } from '@jws/contracts'

import { api } from '../../../api'
import Chips from '../../../components/Chips'
import { ErrorBlock, Loading } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { useSubmit } from '../../../hooks/useSubmit'

/** The server keeps at most this many characters of a handover reason. */
const HANDOVER_REASON_MAX = 200

/**
 * 移交: pick another community officer of the community's station, say why, and confirm in a dialog
 * that says what moves. Only leaders open it (the server refuses anyone else).
 */
export function HandoverPanel({ community, onCancel, onDone }: {
  community: WorkbenchCommunity
  onCancel: () => void
  onDone: (updated: WorkbenchCommunity) => Promise<void>
}) {
  const officers = useAsync(() => api.stationOfficers(community.stationId), [community.stationId])
  const [officerId, setOfficerId] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const submit = useSubmit()
  const choices = (officers.data ?? []).filter((o) => o.id !== community.officer?.id)
  const chosen = choices.find((o) => o.id === officerId)

  function next() {
    if (!chosen) return submit.setError('请选择接手的社区民警')
    if (!hasWords(reason.trim())) return submit.setError('请填写移交原因')
    submit.setError('')
    setConfirming(true)
  }

  async function confirm() {
    if (!chosen) return
    const updated = await submit.run(() => api.handoverCommunity(community.id, { newOfficerId: chosen.id, reason: reason.trim() }))
    setConfirming(false)
    if (!updated) return
    void Taro.showToast({ title: '已移交', icon: 'success' })
    await onDone(updated)
  }

  return (
    <View className='card' id='handover-panel'>
      <Text className='card__title'>移交社区</Text>
      <Text className='muted community__hint'>{`把${community.name}交给${community.stationName}的另一位社区民警负责。`}</Text>
      {officers.error && <ErrorBlock error={officers.error} onRetry={() => void officers.reload()} id='handover-officers-error' />}
      {!officers.data && !officers.error && <Loading />}
      {officers.data && choices.length === 0 && (
        <Text className='muted' id='handover-no-officer'>本所暂无其他社区民警可以接手</Text>
      )}
      {choices.length > 0 && (
        <Chips
          id='handover-officers'
          options={choices.map((o) => ({ value: o.id, label: o.name, id: `handover-officer-${o.id}` }))}
          value={officerId}
          onChange={(id) => {
            setOfficerId(id)
            submit.setError('')
          }}
        />
      )}
      <View className='community__input' id='handover-reason'>
        <TextArea
          value={reason}
          placeholder='请填写移交原因（必填，如：原责任民警岗位调整）'
          maxLength={HANDOVER_REASON_MAX}
          showCount
          autoSize
          onChange={(value) => {
            setReason(value)
            if (submit.error) submit.setError('')
          }}
        />
      </View>
      {submit.error && <Text className='error-text' id='handover-error'>{submit.error}</Text>}
      <View className='community__refuse-buttons'>
        <Button id='handover-cancel' fill='outline' disabled={submit.busy} onClick={onCancel}>
          取消
        </Button>
        <Button id='handover-next' type='primary' disabled={submit.busy} onClick={next}>
          下一步
        </Button>
      </View>
      {confirming && chosen && (
        <View className='community__dialog-mask'>
          <View className='community__dialog' id='handover-dialog'>
            <Text className='card__title'>确认移交</Text>
            <Text className='community__dialog-line'>{`${community.name}将由${chosen.name}负责：`}</Text>
            <Text className='community__dialog-line'>{`· 社区及其${community.memberCount}名成员、待审核的加入申请交由${chosen.name}管理；`}</Text>
            <Text className='community__dialog-line'>{`· 成员的“我的社区民警”改为${chosen.name}，并会收到通知；`}</Text>
            <Text className='community__dialog-line'>{`· ${community.officer?.name ?? '原民警'}不再看到该社区；已受理的上报仍由原经办民警办结。`}</Text>
            <Text className='muted'>{`移交原因：${reason.trim()}`}</Text>
            <View className='community__refuse-buttons'>
              <Button id='handover-dialog-cancel' fill='outline' disabled={submit.busy} onClick={() => setConfirming(false)}>
                再想想
              </Button>
              <Button id='handover-confirm' type='primary' loading={submit.busy} disabled={submit.busy} onClick={() => void confirm()}>
                确认移交
              </Button>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
