import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '@jws/contracts'

import { api } from '../../../api'
import NoteInput from '../../../components/NoteInput'
import Toggle from '../../../components/Toggle'
import { ErrorLine, useCaseCall, type OnUpdated } from '../../../pages/case/parts/shared'

/** 办理记录 (staff): a note on the timeline, internal unless the officer shares it. */
export default function NoteCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [note, setNote] = useState('')
  // Internal by default: a note about a visit can name neighbours or other parties; sharing it with
  // the reporter is a choice the officer makes.
  const [internal, setInternal] = useState(true)
  const call = useCaseCall(onUpdated)

  async function submit() {
    const text = note.trim()
    if (!text) {
      call.setError('请填写记录内容')
      return
    }
    if (await call.run(() => api.caseNote(c.id, { note: text, internal }), internal ? '已添加内部备注' : '已添加记录')) setNote('')
  }

  return (
    <View className='card' id='case-note-card'>
      <Text className='card__title'>办理记录</Text>
      <NoteInput id='case-note' value={note} onChange={setNote} placeholder='记录走访、调解、处置情况' />
      <Toggle
        id='case-note-internal'
        title='仅内部可见'
        description={internal ? '上报人看不到这条记录' : '上报人可以看到这条记录'}
        checked={internal}
        onChange={setInternal}
      />
      <ErrorLine id='case-note-error' message={call.error} />
      <Button block className='block-button' id='case-note-submit' type='primary' fill='outline' loading={call.busy} disabled={call.busy} onClick={() => void submit()}>
        添加记录
      </Button>
    </View>
  )
}
