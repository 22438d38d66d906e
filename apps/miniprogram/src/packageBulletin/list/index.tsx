import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { BulletinStatus, Permission, type BulletinSummary, type UserView } from '@jws/contracts'

import { bulletinsApi } from '../../api/bulletins'
import Chips from '../../components/Chips'
import PagedList from '../../components/PagedList'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useNow } from '../../hooks/useNow'
import { usePaged } from '../../hooks/usePaged'
import { bulletinKindLabel, bulletinKindTagType, bulletinStatusLabel, waitedFor } from '../../lib/bulletin-labels'
import { formatDateTime } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import { loadMe } from '../../session/auth'
import { userCan } from '../../session/store'
import '../bulletin.scss'

type View_ = 'mine' | 'review' | 'push'

function viewsOf(user: UserView): { value: View_; label: string; id: string }[] {
  return [
    ...(userCan(user, Permission.BulletinPush) ? [{ value: 'push' as const, label: '可推送', id: 'bulletin-view-push' }] : []),
    ...(userCan(user, Permission.BulletinReview) ? [{ value: 'review' as const, label: '待审核', id: 'bulletin-view-review' }] : []),
    ...(userCan(user, Permission.BulletinWrite) ? [{ value: 'mine' as const, label: '我写的', id: 'bulletin-view-mine' }] : []),
  ]
}

function Row({ b, view, now }: { b: BulletinSummary; view: View_; now: Date }) {
  return (
    <View className='list-item' id={`bulletin-row-${b.id}`} ariaRole='link' onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletinManage}?id=${b.id}` })}>
      <View className='list-item__main'>
        <View className='row'>
          <Tag type={bulletinKindTagType(b.kind)}>{bulletinKindLabel(b.kind, b.warningType)}</Tag>
          <Text className='muted'>{` ${bulletinStatusLabel(b.status)} · 第${b.version}版`}</Text>
        </View>
        <Text className='list-item__title'>{b.title}</Text>
        <Text className='list-item__meta'>{`${b.orgName} · ${b.authorName}`}</Text>
        {view === 'review' ? (
          <Text className='list-item__meta' id={`bulletin-row-${b.id}-age`}>{`提交于 ${b.submittedAt ? formatDateTime(b.submittedAt) : ''}，${waitedFor(b.submittedAt, now)}`}</Text>
        ) : (
          <Text className='list-item__meta'>{`更新于 ${formatDateTime(b.updatedAt)} · 已推送${b.pushCount}个群`}</Text>
        )}
        {b.status === BulletinStatus.Returned && b.reviewComment && <Text className='list-item__meta error-text'>{`退回意见：${b.reviewComment}`}</Text>}
      </View>
    </View>
  )
}

function Lists({ user, initial }: { user: UserView; initial: View_ | undefined }) {
  const views = viewsOf(user)
  const [view, setView] = useState<View_>(views.find((v) => v.value === initial)?.value ?? views[0]?.value ?? 'mine')
  const now = useNow()
  const query = view === 'mine' ? { mine: 'true' as const } : { status: view === 'review' ? BulletinStatus.PendingReview : BulletinStatus.Approved }
  const list = usePaged((page) => bulletinsApi.list({ ...query, page, pageSize: 20 }), [view], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  const empty = view === 'review' ? '没有待审核的公告' : view === 'push' ? '没有可推送的公告' : '还没有写过公告'
  return (
    <View className='card'>
      {userCan(user, Permission.BulletinWrite) && (
        <Button block className='block-button' id='bulletin-new' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.bulletinWrite })}>
          撰写公告
        </Button>
      )}
      {views.length > 1 && <Chips id='bulletin-views' options={views} value={view} onChange={setView} />}
      {view === 'review' && <Text className='muted'>先提交的排在最前。</Text>}
      <PagedList state={list} id='bulletin-list' moreId='bulletin-list-more' empty={{ title: empty }}>
        {(b) => <Row key={b.id} b={b} view={view} now={now} />}
      </PagedList>
    </View>
  )
}

/** 公告 for staff: what they may push, their review queue (with each item's age) and what they wrote. */
export default function BulletinListPage() {
  const initial = useRouter().params.view as View_ | undefined
  const state = useAsync(loadMe, [])
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='bulletin-list-error'>
        {(user) => <Lists user={user} initial={initial} />}
      </AsyncContent>
    </View>
  )
}
