import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BULLETIN_REASON_MAX, type BulletinDetail } from '@jws/contracts'

import { bulletinsApi } from '../../../api/bulletins'
import NoteInput from '../../../components/NoteInput'
import { useSubmit } from '../../../hooks/useSubmit'

/** 撤回 with a reason: it leaves every group's list at once. */
export default function WithdrawPanel({ b, onDone }: { b: BulletinDetail; onDone: (b: BulletinDetail) => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useSubmit()
  const withdraw = async () => {
    if (!reason.trim()) return setError('请填写撤回原因')
    const next = await run(() => bulletinsApi.withdraw(b.id, reason.trim()))
    if (next) onDone(next)
  }
  if (!open) {
    return <Button block className='block-button' id='manage-withdraw' type='danger' fill='outline' onClick={() => setOpen(true)}>撤回公告</Button>
  }
  return (
    <View className='bulletin-manage__section' id='manage-withdraw-form'>
      <Text className='card__title'>撤回公告</Text>
      <NoteInput id='manage-withdraw-reason' value={reason} onChange={setReason} maxLength={BULLETIN_REASON_MAX} placeholder='撤回原因（会留档）' />
      {error && <Text className='error-text' id='manage-withdraw-error'>{error}</Text>}
      <Button block className='block-button' id='manage-withdraw-submit' type='danger' loading={busy} disabled={busy} onClick={() => void withdraw()}>确认撤回</Button>
    </View>
  )
}
