import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { REVIEW_UNIT_LABELS } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import FollowUpItem from '../follow-up-item'
import '../review.scss'

/** A recorded review (`?id=`): when, who attended, the summary, and each decision's follow-up. */
export default function ReviewPage() {
  const id = Number(useRouter().params.id)
  const state = useAsync(() => api.review(id), [id])
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='review-error'>
        {(r) => (
          <>
            <View className='card' id='review-record'>
              <Text className='card__title' id='review-title'>{`${r.orgName}${REVIEW_UNIT_LABELS[r.unit]} · ${r.period.from} 至 ${r.period.to}`}</Text>
              <Text className='muted'>{`会商日期 ${r.heldOn} · 记录人 ${r.recordedBy}`}</Text>
              <Text className='review__label review__field'>参会人员</Text>
              <Text userSelect id='review-attendees'>{r.attendees}</Text>
              <Text className='review__label review__field'>会商纪要</Text>
              <Text userSelect id='review-summary'>{r.summary}</Text>
            </View>
            <View className='card' id='review-follow-ups'>
              <Text className='card__title'>{`决定事项（${r.followUps.length}）`}</Text>
              {r.followUps.length === 0 && <Text className='muted'>本次会商没有交办事项。</Text>}
              {r.followUps.map((f) => <FollowUpItem key={f.id} f={f} own={false} />)}
            </View>
          </>
        )}
      </AsyncContent>
    </View>
  )
}
