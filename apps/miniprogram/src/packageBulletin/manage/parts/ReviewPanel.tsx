import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BULLETIN_COMMENT_MAX, type BulletinDetail } from '@jws/contracts'

import { bulletinsApi } from '../../../api/bulletins'
import NoteInput from '../../../components/NoteInput'
import { useSubmit } from '../../../hooks/useSubmit'

/** 审核: approve, or return with a comment the author reads. */
export default function ReviewPanel({ b, onDone }: { b: BulletinDetail; onDone: (b: BulletinDetail) => void }) {
  const [comment, setComment] = useState('')
  const { busy, error, setError, run } = useSubmit()
  const decide = async (decision: 'approve' | 'return') => {
    if (decision === 'return' && !comment.trim()) return setError('请填写退回意见')
    const next = await run(() => bulletinsApi.review(b.id, { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }))
    if (next) {
      setComment('')
      onDone(next)
    }
  }
  return (
    <View className='bulletin-manage__section' id='manage-review'>
      <Text className='card__title'>审核</Text>
      <NoteInput id='manage-review-comment' value={comment} onChange={setComment} maxLength={BULLETIN_COMMENT_MAX} placeholder='退回时写明需要修改的地方（通过时可不填）' />
      {error && <Text className='error-text' id='manage-review-error'>{error}</Text>}
      <View className='row'>
        <Button className='block-button' id='manage-approve' type='primary' loading={busy} disabled={busy} onClick={() => void decide('approve')}>审核通过</Button>
        <Button className='block-button' id='manage-return' type='danger' fill='outline' disabled={busy} onClick={() => void decide('return')}>退回修改</Button>
      </View>
    </View>
  )
}
