import { Text, View } from '@tarojs/components'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import FollowUpItem from '../follow-up-item'
import '../review.scss'

/** 我的督办事项: the review decisions the caller owns (open ones first), each closed with what was done. */
export default function FollowUpsPage() {
  const state = useAsync(() => api.myFollowUps(), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='follow-ups-error'>
        {(items) => (
          <View className='card' id='follow-ups-list'>
            <Text className='card__title'>{`我的督办事项（办理中 ${items.filter((f) => f.status === 'open').length}）`}</Text>
            {items.length === 0 && <Text className='muted' id='follow-ups-empty'>会商交办给您的事项会列在这里。</Text>}
            {items.map((f) => <FollowUpItem key={f.id} f={f} own onChanged={(u) => state.set(items.map((x) => (x.id === u.id ? u : x)))} />)}
          </View>
        )}
      </AsyncContent>
    </View>
  )
}
