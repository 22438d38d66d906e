import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REWARD_STATUS_LABELS, type RewardStatus, type RewardView } from '@jws/contracts'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { api } from '../../api'
import Chips from '../../components/Chips'
import NoteInput from '../../components/NoteInput'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { useSubmit } from '../../hooks/useSubmit'
import { ROUTES } from '../../lib/routes'
import RewardCard from '../RewardCard'
import '../rewards.scss'

type Filter = RewardStatus | 'all'
const FILTERS: Filter[] = ['proposed', 'approved', 'refused', 'all']

/** 通过 / 不通过 (with a reason) for a station leader on a proposed reward. */
function Decide({ r, onDecided }: { r: RewardView; onDecided: (r: RewardView) => void }) {
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useSubmit()
  const decide = async (decision: 'approve' | 'refuse') => {
    if (decision === 'refuse' && !reason.trim()) return setError('请填写不通过的原因')
    const done = await run(() => api.decideReward(r.id, { decision, reason: decision === 'refuse' ? reason.trim() : undefined }))
    if (done) onDecided(done)
  }
  return (
    <View>
      {refusing && <NoteInput id={`reward-${r.id}-reason`} value={reason} onChange={setReason} placeholder='不通过的原因（发起的民警会收到）' maxLength={200} />}
      <View className='reward__buttons'>
        {!refusing && <Button type='primary' id={`reward-${r.id}-approve`} loading={busy} disabled={busy} onClick={() => void decide('approve')}>通过</Button>}
        {refusing
          ? <Button type='primary' id={`reward-${r.id}-refuse-confirm`} loading={busy} disabled={busy} onClick={() => void decide('refuse')}>确认不通过</Button>
          : <Button type='primary' fill='outline' id={`reward-${r.id}-refuse`} disabled={busy} onClick={() => setRefusing(true)}>不通过</Button>}
      </View>
      {error && <Text className='error-text' id={`reward-${r.id}-error`}>{error}</Text>}
    </View>
  )
}

/** 一事一奖 for staff: officers see what they proposed, station leaders their station's and approve or refuse. */
export default function RewardsListPage() {
  const [filter, setFilter] = useState<Filter>('proposed')
  const state = usePaged((page) => api.rewards(filter === 'all' ? undefined : filter, page), [filter], { reloadOnShow: true })
  return (
    <View className='page'>
      <Button block className='block-button' id='rewards-bulletin-deed' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.rewardPropose })}>
        为正气公告中的居民发起奖励
      </Button>
      <Chips
        id='rewards-filter' scroll value={filter} onChange={setFilter}
        options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? '全部' : REWARD_STATUS_LABELS[f], id: `rewards-filter-${f}` }))}
      />
      <PagedList state={state} id='rewards' moreId='rewards-more' empty={{ title: '暂无奖励', description: '在上报详情页可为上报人发起一事一奖。' }}>
        {(r) => (
          <RewardCard key={r.id} r={r} staff>
            {r.can.decide && <Decide r={r} onDecided={(done) => state.replace((x) => (x.id === done.id ? done : x))} />}
          </RewardCard>
        )}
      </PagedList>
    </View>
  )
}
