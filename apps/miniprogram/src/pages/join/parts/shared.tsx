import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { MEMBERSHIP_NOTE_MAX, MemberType, textLength, type MembershipView } from '@jws/contracts'

import { api } from '../../../api'
import { useSubmit } from '../../../hooks/useSubmit'
import { SUBSCRIBE_TEMPLATES } from '../../../lib/config'
import { platform } from '../../../platform'

export type OnRequested = (membership: MembershipView) => void

const NOTE_PLACEHOLDER = '如：胜利小区3栋2单元住户 张三'
const NOTE_TOO_LONG = `申请说明不能超过${MEMBERSHIP_NOTE_MAX}个字`

/** What is wrong with a 申请说明 before sending it (the server says the same), or ''. */
export const noteProblem = (note: string): string => (textLength(note.trim()) > MEMBERSHIP_NOTE_MAX ? NOTE_TOO_LONG : '')

/**
 * 申请说明 (选填): who the person is, so the officer can tell (住址、姓名). Only the community's
 * officer and leaders read it.
 */
export function NoteField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <Text className='join__label'>申请说明（选填）</Text>
      <View className='join__input' id={id}>
        <TextArea value={value} placeholder={NOTE_PLACEHOLDER} maxLength={MEMBERSHIP_NOTE_MAX} showCount autoSize onChange={onChange} />
      </View>
      <Text className='muted join__hint'>写明住址和姓名，便于民警核实；仅本社区民警和所领导可见。</Text>
    </>
  )
}

/**
 * Asks to join (also again after a refusal), with the 申请说明 (`note`; undefined keeps the
 * previous one). The tap first offers WeChat's subscribe prompt (it must come from a tap), so the
 * officer's decision can also reach the person outside the app.
 */
export async function askToJoin(communityId: number, memberType: MemberType, note?: string): Promise<MembershipView> {
  await platform.requestSubscribe(SUBSCRIBE_TEMPLATES)
  return api.requestToJoin(communityId, memberType, note)
}

/**
 * Asking to join from one row (a directory entry, a refused request): which row is busy, the error,
 * and the ask, with the 申请说明 checked first. Answers whether the request went through.
 */
export function useAskToJoin(onRequested: OnRequested) {
  const [busyId, setBusyId] = useState<number | null>(null)
  const { error, setError, run } = useSubmit()
  async function ask(rowId: number, communityId: number, memberType: MemberType, note: string | undefined): Promise<boolean> {
    const problem = noteProblem(note ?? '')
    if (problem) {
      setError(problem)
      return false
    }
    setBusyId(rowId)
    const membership = await run(() => askToJoin(communityId, memberType, note))
    setBusyId(null)
    if (membership) onRequested(membership)
    return membership !== null
  }
  return { busyId, error, setError, ask }
}
