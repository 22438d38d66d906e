import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import {
  DEADLINE_KIND_LABELS, deadlineCountdown, EscalationLevel, Permission, type Role, type SupervisedCase,
} from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { EmptyBlock } from '../../components/StatusBlock'
import UrgeForm from '../../components/UrgeForm'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { useNow } from '../../hooks/useNow'
import { usePaged } from '../../hooks/usePaged'
import { escalationLabel, supervisedLevelsText } from '../../lib/case-labels'
import { formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import { userCan } from '../../session/store'
import './index.scss'

/** The queue's page size: the two lists page alike. */
const PAGE_SIZE = 20

function SupervisionItem({ c, now, urgedAt, onUrged }: { c: SupervisedCase; now: Date; urgedAt: string | null; onUrged: () => void }) {
  const [urging, setUrging] = useState(false)
  return (
    <View className='supervision__item' id={`supervision-item-${c.caseId}`}>
      <View className='supervision__main' id={`supervision-open-${c.caseId}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: caseUrl(c.caseId) })}>
        <View className='row'>
          <Text className='list-item__title supervision__title'>{c.title}</Text>
          <Tag type={c.escalation >= EscalationLevel.BranchUrging ? 'danger' : 'warning'}>{escalationLabel(c.escalation)}</Tag>
        </View>
        <Text className='list-item__meta'>
          {c.number} · {c.communityName}
        </Text>
        <Text className='list-item__meta'>责任民警：{c.officerName ?? '未指定'}</Text>
        <Text className='list-item__meta supervision__overdue' id={`supervision-overdue-${c.caseId}`}>
          {DEADLINE_KIND_LABELS[c.deadlineKind]}{deadlineCountdown(c.dueAt, now)}（时限 {formatDateTime(c.dueAt)}）
        </Text>
        {urgedAt && (
          <Text className='list-item__meta' id={`supervision-urged-${c.caseId}`}>
            已催办 · {formatDateTime(urgedAt)}
          </Text>
        )}
      </View>
      {urging ? (
        <UrgeForm
          caseId={c.caseId}
          idPrefix={`supervision-urge-${c.caseId}`}
          onCancel={() => setUrging(false)}
          onDone={() => {
            setUrging(false)
            onUrged()
          }}
        />
      ) : (
        <Button className='supervision__urge' id={`supervision-urge-${c.caseId}`} size='small' type='primary' fill='outline' onClick={() => setUrging(true)}>
          催办
        </Button>
      )}
    </View>
  )
}

function SupervisionList({ role }: { role: Role }) {
  const list = usePaged((page) => api.supervisionCases(page, PAGE_SIZE), [], { reloadOnShow: true })
  // 催办 sent from this page, shown at once without reloading the list.
  const [urgedHere, setUrgedHere] = useState<Record<number, string>>({})
  const now = useNow()
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  return (
    <View className='card'>
      <Text className='card__title'>督办{list.items ? `（${list.total}）` : ''}</Text>
      <Text className='muted supervision__intro'>超时升级到{supervisedLevelsText(role)}、仍未办结的上报；可向责任民警催办。</Text>
      {list.items !== undefined && (
        <Text className='muted supervision__total' id='supervision-total'>
          共 {list.total} 件，超时最久的排在最前
        </Text>
      )}
      <PagedList state={list} id='supervision-list' moreId='supervision-more' empty={{ title: '暂无需要督办的上报', description: `超时升级到${supervisedLevelsText(role)}的上报会显示在这里。` }}>
        {(c) => (
          <SupervisionItem
            key={c.caseId}
            c={c}
            now={now}
            urgedAt={urgedHere[c.caseId] ?? c.lastUrgedAt}
            onUrged={() => setUrgedHere((prev) => ({ ...prev, [c.caseId]: new Date().toISOString() }))}
          />
        )}
      </PagedList>
    </View>
  )
}

/** 会商督办事项: open follow-ups of the reviews in the jurisdiction (docs/reviews.md), overdue ones marked. */
function FollowUpList() {
  const state = useAsync(() => api.supervisedFollowUps(), [], { reloadOnShow: true })
  if (!state.data?.length) return null
  return (
    <View className='card' id='supervision-follow-ups'>
      <Text className='card__title'>{`会商督办事项（${state.data.length}）`}</Text>
      {state.data.map((f) => (
        <View key={f.id} className='supervision__item' id={`supervision-follow-up-${f.id}`}>
          <View className='row'>
            <Text className='list-item__title supervision__title'>{f.content}</Text>
            {f.overdue && <Tag type='danger'>已逾期</Tag>}
          </View>
          <Text className='list-item__meta'>{`${f.orgName}会商交办 · 责任人 ${f.ownerName} · 期限 ${f.deadline}`}</Text>
        </View>
      ))}
    </View>
  )
}

/** 督办: leaders' escalated cases in their jurisdiction (as the server scopes and orders them), with 催办. */
export default function SupervisionPage() {
  const { user } = useMe()
  if (!user) return <View className='page' />
  if (!userCan(user, Permission.CaseSupervise)) {
    return (
      <View className='page'>
        <EmptyBlock id='supervision-denied' title='督办仅对派出所、分局和市局领导开放' />
      </View>
    )
  }
  return (
    <View className='page'>
      <SupervisionList role={user.role} />
      <FollowUpList />
    </View>
  )
}
