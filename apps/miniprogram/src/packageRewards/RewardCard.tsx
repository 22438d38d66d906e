import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { REWARD_KIND_LABELS, REWARD_STATUS_LABELS, type RewardView } from '@jws/contracts'
import type { ReactNode } from 'react'

import { formatDateTime } from '../lib/labels'

const STATUS_TAG = { proposed: 'warning', approved: 'success', refused: 'default' } as const

/** One 一事一奖 as a card: what, for whom, why, who proposed and decided it; `children` adds the actions. */
export default function RewardCard({ r, staff, children }: { r: RewardView; staff: boolean; children?: ReactNode }) {
  return (
    <View className='card' id={`reward-${r.id}`}>
      <View className='row'>
        <Text className='card__title'>{`${r.form}${r.amountYuan !== null ? ` · ${r.amountYuan}元` : ''}`}</Text>
        <View id={`reward-${r.id}-status`}><Tag type={STATUS_TAG[r.status]}>{REWARD_STATUS_LABELS[r.status]}</Tag></View>
      </View>
      <Text className='reward__deed' id={`reward-${r.id}-deed`}>{r.deed}</Text>
      <Text className='muted'>{REWARD_KIND_LABELS[r.kind]}{staff ? ` · 居民：${r.residentName} · ${r.communityName}` : ` · ${r.communityName}`}</Text>
      <Text className='muted'>
        {r.deedType === 'case' ? `事由：上报 ${r.caseNumber ?? ''}` : `事由：正气公告《${r.bulletinTitle ?? ''}》`}
      </Text>
      <Text className='muted'>{`${r.proposedByName} 发起于 ${formatDateTime(r.proposedAt)}`}</Text>
      {r.decidedAt && (
        <Text className='muted' id={`reward-${r.id}-decided`}>
          {`${r.decidedByName ?? ''} ${r.status === 'approved' ? '批准' : '未通过'}于 ${formatDateTime(r.decidedAt)}${r.refusalReason ? `：${r.refusalReason}` : ''}`}
        </Text>
      )}
      {children}
    </View>
  )
}
