import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { REVIEW_STATE_LABELS, REVIEW_UNIT_LABELS, type FollowUpView, type ReviewPeriodItem } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { ROUTES } from '../../lib/routes'
import '../review.scss'

const STATE_TAG = { due: 'warning', recorded: 'success', missed: 'danger' } as const

function PeriodItem({ p, index, canRecord }: { p: ReviewPeriodItem; index: number; canRecord: boolean }) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='review__item' id={`reviews-period-${index}`}>
      <View className='row'>
        <Text className='review__title'>{`${p.period.from} 至 ${p.period.to}`}</Text>
        <Tag type={STATE_TAG[p.state]}>{REVIEW_STATE_LABELS[p.state]}</Tag>
      </View>
      {p.heldOn && <Text className='muted'>会商日期：{p.heldOn}</Text>}
      {p.state === 'missed' && p.reportedAt && <Text className='muted'>已报上级</Text>}
      <View className='review__actions'>
        <Button size='small' type='primary' fill='outline' id={`reviews-packet-${index}`} onClick={() => go(`${ROUTES.reviewPacket}?from=${p.period.from}&orgId=${p.orgId}`)}>
          研判材料
        </Button>
        {p.reviewId !== null && (
          <Button size='small' type='primary' fill='outline' id={`reviews-view-${index}`} onClick={() => go(`${ROUTES.review}?id=${p.reviewId}`)}>
            会商记录
          </Button>
        )}
        {p.reviewId === null && canRecord && (
          <Button size='small' type='primary' id={`reviews-record-${index}`} onClick={() => go(`${ROUTES.reviewRecord}?from=${p.period.from}`)}>
            记录会商
          </Button>
        )}
      </View>
    </View>
  )
}

function FollowUps({ items }: { items: FollowUpView[] }) {
  return (
    <View className='card' id='reviews-follow-ups'>
      <Text className='card__title'>会商督办事项（{items.length}）</Text>
      {items.length === 0 && <Text className='muted'>没有办理中的督办事项。</Text>}
      {items.map((f) => (
        <View key={f.id} className='review__item' id={`reviews-follow-up-${f.id}`}>
          <View className='row'>
            <Text className='review__title'>{f.content}</Text>
            {f.overdue && <Tag type='danger'>已逾期</Tag>}
          </View>
          <Text className='muted'>{`${f.orgName} · 责任人 ${f.ownerName} · 期限 ${f.deadline}`}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 会商调度 (leaders, docs/reviews.md): the periods of the unit's cadence (周/旬/月) with their state,
 * each period's 研判材料, the record form for the caller's own unit, the missed reviews below, and the
 * open follow-ups of the jurisdiction.
 */
export default function ReviewsPage() {
  const orgId = Number(useRouter().params.orgId) || undefined
  const state = useAsync(async () => {
    const [schedule, followUps] = await Promise.all([api.reviewSchedule(orgId), api.supervisedFollowUps()])
    return { schedule, followUps }
  }, [orgId], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='reviews-error'>
        {({ schedule: s, followUps }) => (
          <>
            <View className='card' id='reviews-header'>
              <Text className='card__title'>{`${s.node.name} · ${REVIEW_UNIT_LABELS[s.unit]}`}</Text>
              <Text className='muted'>派出所每周、分县局每旬、市局每月至少会商一次；到期未会商的报上一级。</Text>
            </View>
            <View className='card' id='reviews-periods'>
              {s.periods.map((p, i) => <PeriodItem key={p.period.from} p={p} index={i} canRecord={s.canRecord} />)}
            </View>
            {s.missedBelow.length > 0 && (
              <View className='card' id='reviews-missed-below'>
                <Text className='card__title'>下级未按期会商</Text>
                {s.missedBelow.map((m) => (
                  <Text key={`${m.orgId}-${m.period.from}`} className='review__item muted'>{`${m.orgName} · ${m.period.from} 至 ${m.period.to}`}</Text>
                ))}
              </View>
            )}
            <FollowUps items={followUps} />
            <Button block className='block-button' id='reviews-issues-open' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.majorIssues })}>
              重大问题
            </Button>
          </>
        )}
      </AsyncContent>
    </View>
  )
}
