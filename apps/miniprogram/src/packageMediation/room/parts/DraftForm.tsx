import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { AGREEMENT_TEXT_MAX, RoomMemberRole, type RoomDetail } from '@jws/contracts'

import { api } from '../../../api'
import NoteInput from '../../../components/NoteInput'
import PickerField from '../../../components/PickerField'
import { useSubmit } from '../../../hooks/useSubmit'
import { chinaDate } from '../../../lib/china-time'
import type { OnRoomUpdated } from './shared'

function in7Days(): string {
  return chinaDate(Date.now() + 7 * 86_400_000)
}

type TextKey = 'parties' | 'facts' | 'terms'

/** 起草/修改调解协议 (the mediator): the draft goes to the parties to confirm. */
export default function DraftForm({ room, onUpdated }: { room: RoomDetail; onUpdated: OnRoomUpdated }) {
  const parties = room.members.filter((m) => m.role === RoomMemberRole.Applicant || m.role === RoomMemberRole.Respondent)
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState({
    parties: room.agreement?.parties ?? parties.map((p) => p.displayName).join('；'),
    facts: room.agreement?.facts ?? '',
    terms: room.agreement?.terms ?? '',
    due: in7Days(),
  })
  const { busy, error, setError, run } = useSubmit()
  const field = (key: TextKey, label: string, placeholder: string) => (
    <View className='room__field'>
      <Text className='room__label'>{label}</Text>
      <NoteInput id={`agreement-${key}`} value={form[key]} placeholder={placeholder} maxLength={AGREEMENT_TEXT_MAX} onChange={(v) => setForm({ ...form, [key]: v })} />
    </View>
  )
  async function submit() {
    if (!form.parties.trim() || !form.facts.trim() || !form.terms.trim()) return setError('请填写当事人、纠纷事实和协议内容')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.due)) return setError('请选择履行期限')
    const updated = await run(() =>
      api.draftAgreement(room.id, { parties: form.parties, facts: form.facts, terms: form.terms, performanceDueAt: `${form.due}T23:59:00+08:00` }),
    )
    if (!updated) return
    onUpdated(updated)
    setOpen(false)
  }
  if (!open) {
    return (
      <Button block className='block-button' id='agreement-draft-open' fill='outline' type='primary' onClick={() => setOpen(true)}>
        {room.agreement ? '修改调解协议' : '起草调解协议'}
      </Button>
    )
  }
  return (
    <View className='card' id='agreement-form'>
      <Text className='card__title'>起草调解协议</Text>
      {field('parties', '当事人', '双方当事人')}
      {field('facts', '纠纷事实', '纠纷的主要事实')}
      {field('terms', '协议内容', '双方同意的具体内容')}
      <View className='room__field'>
        <Text className='room__label'>履行期限</Text>
        <Picker mode='date' value={form.due} start={chinaDate()} onChange={(e) => setForm({ ...form, due: e.detail.value })}>
          <PickerField id='agreement-due' text={form.due} placeholder='选择日期' />
        </Picker>
      </View>
      {error && <Text className='room__error' id='agreement-form-error'>{error}</Text>}
      <Button block className='block-button' id='agreement-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        发给双方确认
      </Button>
    </View>
  )
}
