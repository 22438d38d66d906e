import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Rate } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '@jws/contracts'

import { api } from '../../../api'
import NoteInput from '../../../components/NoteInput'
import { ErrorLine, useCaseCall, type OnUpdated } from './shared'

const RATING_WORDS = ['很不满意', '不满意', '一般', '满意', '非常满意'] as const

/** 评价 (the reporter, once the case is closed). */
export default function RateCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const call = useCaseCall(onUpdated)

  async function submit() {
    if (rating < 1 || rating > 5) {
      call.setError('请先点击星星评分')
      return
    }
    const text = comment.trim()
    await call.run(() => api.rateCase(c.id, { rating, ...(text ? { comment: text } : {}) }), '感谢您的评价')
  }

  return (
    <View className='card' id='case-rate-card'>
      <Text className='card__title'>评价本次办理</Text>
      <View id='case-rate' className='case__rate'>
        <Rate value={rating} count={5} onChange={(v) => setRating(v)} />
      </View>
      <Text className='case__rate-text'>{rating > 0 ? RATING_WORDS[rating - 1] : '点击星星评分'}</Text>
      <NoteInput id='case-rate-comment' value={comment} onChange={setComment} placeholder='说说您的感受（选填）' maxLength={200} />
      <ErrorLine id='case-rate-error' message={call.error} />
      <Button block className='block-button' id='case-rate-submit' type='primary' loading={call.busy} disabled={call.busy} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  )
}
