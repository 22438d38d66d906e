import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { REFERRAL_TARGET_KIND_LABELS } from '@jws/contracts'

import { api } from '../../api'
import Chips from '../../components/Chips'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import '../referral.scss'

/** 转办: the officer picks a target and gives the reason; the station contact is the officer. */
export default function ReferPage() {
  const router = useRouter()
  const caseId = Number(router.params.caseId)
  const targets = useAsync(() => api.referralTargets(), [])
  const [targetId, setTargetId] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useSubmit()

  async function submit() {
    if (!targetId) return setError('请选择转办对象')
    if (!reason.trim()) return setError('请填写转办理由')
    if (await run(() => api.refer(caseId, { targetId, reason: reason.trim() }))) {
      void Taro.showToast({ title: '已转办', icon: 'success' })
      void Taro.navigateBack()
    }
  }

  return (
    <View className='page'>
      <AsyncContent state={targets} errorId='refer-load-error'>
        {(list) => (
          <View className='card' id='refer-form'>
            <Text className='card__title'>转办给</Text>
            <Chips
              id='refer-targets'
              options={list.map((t) => ({ value: t.id, label: `${t.name}（${REFERRAL_TARGET_KIND_LABELS[t.kind]}）`, id: `refer-target-${t.id}` }))}
              value={targetId}
              onChange={setTargetId}
            />
            <Text className='referral__label'>转办理由（部门和12345可见）</Text>
            <View className='referral__input' id='refer-reason'>
              <TextArea value={reason} placeholder='例如：夜间施工噪音属住建部门职责' maxLength={500} autoSize onChange={setReason} />
            </View>
            <Text className='muted'>您是本次转办的站内联系人；签收期限24小时，回复期限5天，超时将逐级督办。</Text>
            {error && <Text className='error-text' id='refer-error'>{error}</Text>}
            <Button block className='block-button' id='refer-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
              确认转办
            </Button>
          </View>
        )}
      </AsyncContent>
    </View>
  )
}
