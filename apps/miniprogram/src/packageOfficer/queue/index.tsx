import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, CaseKind, CaseStatus, deadlineCountdown, Permission, type CaseSummary } from '@jws/contracts'

import { api } from '../../api'
import Chips from '../../components/Chips'
import NameSearch from '../../components/NameSearch'
import PagedList from '../../components/PagedList'
import { EmptyBlock } from '../../components/StatusBlock'
import Toggle from '../../components/Toggle'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { useNow } from '../../hooks/useNow'
import { usePaged } from '../../hooks/usePaged'
import { caseStatusLabel, caseStatusTag, escalationLabel, kindAndSubcategory } from '../../lib/case-labels'
import { formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import { userCan } from '../../session/store'
import './index.scss'

const PAGE_SIZE = 20
const MAX_COMMUNITY_CHIPS = 30
const OPEN = 'open'
const ALL = 'all'

const STATUS_OPTIONS = [
  { value: OPEN, label: '未办结', id: 'queue-filter-status-open' },
  { value: ALL, label: '全部状态', id: 'queue-filter-status-all' },
  ...(Object.keys(CASE_STATUS_LABELS) as CaseStatus[]).map((s) => ({ value: s as string, label: CASE_STATUS_LABELS[s], id: `queue-filter-status-${s}` })),
]

const KIND_OPTIONS = [
  { value: ALL, label: '全部类型', id: 'queue-filter-kind-all' },
  ...(Object.keys(CASE_KIND_LABELS) as CaseKind[]).map((k) => ({ value: k as string, label: CASE_KIND_LABELS[k], id: `queue-filter-kind-${k}` })),
]

function QueueItem({ c, now }: { c: CaseSummary; now: Date }) {
  // The server's overdue flag is as of loading; the countdown line follows the clock.
  const late = c.nextDueAt !== null && new Date(c.nextDueAt).getTime() < now.getTime()
  return (
    <View className={`queue__item${c.overdue ? ' queue__item--overdue' : ''}`} id={`queue-item-${c.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: caseUrl(c.id) })}>
      <View className='row'>
        <Text className='list-item__title queue__title'>{c.title}</Text>
        <Tag type={caseStatusTag(c.status)}>{caseStatusLabel(c.status)}</Tag>
      </View>
      <Text className='list-item__meta'>
        {kindAndSubcategory(c.kind, c.subcategory)} · {c.communityName}
      </Text>
      <Text className='list-item__meta'>
        {c.number} · 上报于 {formatDateTime(c.createdAt)}
      </Text>
      {c.nextDueAt && (
        <Text className={`list-item__meta queue__countdown${late ? ' queue__countdown--overdue' : ''}`} id={`queue-countdown-${c.id}`}>
          时限 {formatDateTime(c.nextDueAt)} · {deadlineCountdown(c.nextDueAt, now)}
        </Text>
      )}
      {(c.overdue || c.escalation > 0 || c.seriousRisk || c.heldForReview) && (
        <View className='queue__badges'>
          {c.overdue && <Tag type='danger'>逾期</Tag>}
          {c.escalation > 0 && <Tag type='warning'>{escalationLabel(c.escalation)}</Tag>}
          {c.seriousRisk && <Tag type='danger'>严重现实危险</Tag>}
          {c.heldForReview && <Tag type='warning'>内容待审核</Tag>}
        </View>
      )}
    </View>
  )
}

function Queue({ canFilterCommunity, initialOverdue }: { canFilterCommunity: boolean; initialOverdue: boolean }) {
  const [status, setStatus] = useState<string>(OPEN)
  const [kind, setKind] = useState<string>(ALL)
  const [communityId, setCommunityId] = useState(0)
  const [overdue, setOverdue] = useState(initialOverdue)
  const [search, setSearch] = useState('')

  // Community chips where they fit (an officer's few, a station's ~11); a branch or the city has
  // too many to pick from as chips.
  const communities = useAsync(async () => {
    if (!canFilterCommunity) return []
    const first = await api.workbenchCommunities({ pageSize: MAX_COMMUNITY_CHIPS })
    return first.total <= MAX_COMMUNITY_CHIPS ? first.items : []
  }, [canFilterCommunity])
  const list = usePaged(
    (page) =>
      api.caseQueue({
        status: status === OPEN ? undefined : (status as CaseStatus | typeof ALL),
        q: search || undefined,
        kind: kind === ALL ? undefined : (kind as CaseKind),
        communityId: communityId || undefined,
        overdue: overdue || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [status, kind, communityId, overdue, search],
    { reloadOnShow: true },
  )
  const now = useNow()
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })

  const communityOptions = [
    { value: 0, label: '全部社区', id: 'queue-filter-community-all' },
    ...(communities.data ?? []).map((c) => ({ value: c.id, label: c.name, id: `queue-filter-community-${c.id}` })),
  ]

  return (
    <>
      <View className='card queue__filters' id='queue-filters'>
        <NameSearch id='queue-search' placeholder='标题或案件编号' onSearch={setSearch} />
        <Toggle id='queue-filter-overdue' title='只看逾期' checked={overdue} onChange={setOverdue} />
        <Chips id='queue-filter-status' scroll options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <Chips id='queue-filter-kind' scroll options={KIND_OPTIONS} value={kind} onChange={setKind} />
        {communityOptions.length > 2 && (
          <Chips id='queue-filter-community' scroll options={communityOptions} value={communityId} onChange={setCommunityId} />
        )}
      </View>
      <View className='card'>
        {list.items !== undefined && (
          <Text className='muted queue__total' id='queue-total'>
            共 {list.total} 件{overdue ? '逾期' : ''}，逾期的排在最前
          </Text>
        )}
        <PagedList state={list} id='queue-list' moreId='queue-more' empty={{ title: search ? `没有找到“${search}”` : '没有符合条件的上报', description: search && status === OPEN ? '已办结的上报请选“全部状态”再查' : undefined }}>
          {(c) => <QueueItem key={c.id} c={c} now={now} />}
        </PagedList>
      </View>
    </>
  )
}

/** 案件队列: reports in the officer's scope, overdue first, then by deadline (as the server sorts). */
export default function QueuePage() {
  const router = useRouter()
  const { user } = useMe()

  if (user && !userCan(user, Permission.CaseRead)) {
    return (
      <View className='page'>
        <EmptyBlock id='queue-denied' title='案件队列仅对民警开放' />
      </View>
    )
  }
  return (
    <View className='page'>
      <Queue canFilterCommunity={userCan(user, Permission.CommunityMembersRead)} initialOverdue={router.params.overdue === '1'} />
    </View>
  )
}
