import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { NAMING_LABELS, type RewardView } from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { useSubmit } from '../../hooks/useSubmit'
import RewardCard from '../RewardCard'
import '../rewards.scss'

/** 正气 naming: the resident agrees to be named in the bulletin about their deed, or stays 某居民. */
function Naming({ r, onAnswered }: { r: RewardView; onAnswered: (r: RewardView) => void }) {
  const { busy, error, run } = useSubmit()
  const answer = async (agree: boolean) => {
    const done = await run(() => api.answerNaming(r.id, agree))
    if (done) onAnswered(done)
  }
  return (
    <View className='reward__naming' id={`reward-${r.id}-naming`}>
      <Text className='muted'>派出所在正气公告中表扬了您的事迹。同意后，公告中的“某居民”会显示为您的名字；不同意则始终显示“某居民”。</Text>
      <Text id={`reward-${r.id}-naming-state`}>{`当前：${r.naming ? NAMING_LABELS[r.naming] : ''}`}</Text>
      <View className='reward__buttons'>
        <Button type='primary' id={`reward-${r.id}-agree`} loading={busy} disabled={busy || r.naming === 'agreed'} onClick={() => void answer(true)}>同意具名</Button>
        <Button type='primary' fill='outline' id={`reward-${r.id}-decline`} disabled={busy || r.naming === 'declined'} onClick={() => void answer(false)}>不具名</Button>
      </View>
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}

/** 我的奖励: the resident's approved 一事一奖, with the 正气 naming consent where there is one. */
export default function MyRewardsPage() {
  const state = usePaged((page) => api.myRewards(page), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <PagedList state={state} id='my-rewards' moreId='my-rewards-more' empty={{ title: '暂无奖励', description: '您为社区做的好事，经派出所审批后会在这里显示。' }}>
        {(r) => (
          <RewardCard key={r.id} r={r} staff={false}>
            {r.can.consent && <Naming r={r} onAnswered={(done) => state.replace((x) => (x.id === done.id ? done : x))} />}
          </RewardCard>
        )}
      </PagedList>
    </View>
  )
}
