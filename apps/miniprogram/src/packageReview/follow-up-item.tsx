import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { FOLLOW_UP_STATUS_LABELS, REVIEW_TEXT_MAX, type FollowUpView } from '@jws/contracts'

import { api } from '../api'
import NoteInput from '../components/NoteInput'
import { useSubmit } from '../hooks/useSubmit'

/** One 督办事项: what, from which review, owner and deadline; its owner closes it (办结) saying what was done. */
export default function FollowUpItem({ f, own, onChanged }: { f: FollowUpView; own: boolean; onChanged?: (f: FollowUpView) => void }) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const { busy, error, setError, run } = useSubmit()
  async function done() {
    if (!note.trim()) return setError('请填写办理情况')
    const updated = await run(() => api.completeFollowUp(f.id, note))
    if (updated) {
      setOpen(false)
      onChanged?.(updated)
    }
  }
  return (
    <View className='review__item' id={`follow-up-${f.id}`}>
      <View className='row'>
        <Text className='review__title'>{f.content}</Text>
        <Tag type={f.status === 'done' ? 'success' : f.overdue ? 'danger' : 'warning'}>{f.overdue ? '已逾期' : FOLLOW_UP_STATUS_LABELS[f.status]}</Tag>
      </View>
      <Text className='muted'>{`${f.orgName} ${f.period.from} 至 ${f.period.to} 会商交办 · 责任人 ${f.ownerName} · 期限 ${f.deadline}`}</Text>
      {f.doneNote && <Text className='muted'>办理情况：{f.doneNote}</Text>}
      {own && f.status === 'open' && !open && (
        <Button size='small' type='primary' fill='outline' id={`follow-up-${f.id}-done`} onClick={() => setOpen(true)}>办结</Button>
      )}
      {open && (
        <View>
          <NoteInput id={`follow-up-${f.id}-note`} value={note} placeholder='办理情况' maxLength={REVIEW_TEXT_MAX.decision} onChange={setNote} />
          {error && <Text className='error-text' id={`follow-up-${f.id}-error`}>{error}</Text>}
          <Button size='small' type='primary' id={`follow-up-${f.id}-submit`} loading={busy} disabled={busy} onClick={() => void done()}>确认办结</Button>
        </View>
      )}
    </View>
  )
}
