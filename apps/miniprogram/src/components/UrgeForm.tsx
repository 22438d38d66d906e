import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { URGE_INSTRUCTION_MAX, URGE_INTERVAL_MINUTES, type CaseDetail } from '@jws/contracts'

import { api } from '../api'
import { useSubmit } from '../hooks/useSubmit'
import NoteInput from './NoteInput'
import './UrgeForm.scss'

interface Props {
  caseId: number
  /** Test hooks: `<idPrefix>-note` (type into its textarea), `-submit`, `-cancel`, `-error`. */
  idPrefix: string
  onDone: (detail: CaseDetail) => void
  onCancel: () => void
}

/**
 * 催办: a leader's instruction to the case's responsible officer (the 督办 list and the case page).
 * What was typed stays when the server refuses it (e.g. 10 分钟内已催办过).
 */
export default function UrgeForm({ caseId, idPrefix, onDone, onCancel }: Props) {
  const [text, setText] = useState('')
  const { busy, error, setError, run } = useSubmit()

  async function submit() {
    const instruction = text.trim()
    if (!instruction) {
      setError('请填写催办要求')
      return
    }
    const updated = await run(() => api.urgeCase(caseId, { instruction }))
    if (!updated) return
    onDone(updated)
    void Taro.showToast({ title: '已催办', icon: 'success' })
  }

  return (
    <View className='urge-form'>
      <Text className='urge-form__title'>催办责任民警</Text>
      <Text className='muted'>民警会立即收到消息；催办要求记入办理进度，仅民警和领导可见。同一上报{URGE_INTERVAL_MINUTES}分钟内只能催办一次。</Text>
      <View className='urge-form__input'>
        <NoteInput id={`${idPrefix}-note`} value={text} placeholder='写明要求，如：请今天下班前上门核实，并回复群众' maxLength={URGE_INSTRUCTION_MAX} onChange={setText} />
      </View>
      {error && (
        <Text className='error-text' id={`${idPrefix}-error`}>
          {error}
        </Text>
      )}
      <View className='urge-form__buttons'>
        <Button id={`${idPrefix}-cancel`} fill='outline' disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button id={`${idPrefix}-submit`} type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
          确认催办
        </Button>
      </View>
    </View>
  )
}
