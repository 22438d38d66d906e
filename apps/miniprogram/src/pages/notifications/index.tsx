import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { NotificationLink, type NotificationView } from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { formatDateTime } from '../../lib/labels'
import { caseUrl, officerCommunityUrl, ROUTES, roomUrl } from '../../lib/routes'
import './index.scss'

const PAGE_SIZE = 20

const opensSomething = (n: NotificationView): boolean => n.roomId !== null || n.caseId !== null || n.link !== null

/**
 * 消息: the in-app notification list (the channel that always works, unlike subscribe messages).
 * What this page shows counts as read: unread items keep their mark here until the next visit,
 * and are marked read on the server one after another. Tapping one opens its report, its room, or
 * the page it names (a join decision: 首页 once joined, the join page after a refusal; 新的加入申请:
 * that community's 待审核).
 */
export default function NotificationsPage() {
  const list = usePaged((page) => api.notifications(page, PAGE_SIZE), [])
  const marked = useRef(new Set<number>())

  useEffect(() => {
    const unread = (list.items ?? []).filter((n) => !n.readAt && !marked.current.has(n.id))
    if (unread.length === 0) return
    unread.forEach((n) => marked.current.add(n.id))
    void (async () => {
      // One at a time: WeChat allows only a few requests in flight.
      for (const n of unread) {
        await api.markNotificationRead(n.id).catch(() => marked.current.delete(n.id))
      }
    })()
  }, [list.items])

  const [markingAll, setMarkingAll] = useState(false)
  const anyUnread = (list.items ?? []).some((n) => !n.readAt)

  /** 全部已读: every unread message, also those on pages not loaded yet. */
  async function readAll() {
    setMarkingAll(true)
    try {
      await api.markAllNotificationsRead()
      await list.reload()
      void Taro.showToast({ title: '已全部标为已读', icon: 'success' })
    } catch {
      void Taro.showToast({ title: '操作失败，请稍后再试', icon: 'none' })
    } finally {
      setMarkingAll(false)
    }
  }

  function open(n: NotificationView) {
    if (!marked.current.has(n.id) && !n.readAt) {
      marked.current.add(n.id)
      void api.markNotificationRead(n.id).catch(() => undefined)
    }
    // 调解室有新消息 opens the room; everything else about a case opens the case.
    if (n.roomId !== null) void Taro.navigateTo({ url: roomUrl(n.roomId) })
    else if (n.caseId !== null) void Taro.navigateTo({ url: caseUrl(n.caseId) })
    else if (n.link === NotificationLink.Home) void Taro.switchTab({ url: ROUTES.home })
    else if (n.link === NotificationLink.Join) void Taro.navigateTo({ url: ROUTES.join })
    else if (n.link === NotificationLink.Rewards) void Taro.navigateTo({ url: ROUTES.myRewards })
    else if (n.link === NotificationLink.JoinRequests && n.communityId !== null) void Taro.navigateTo({ url: officerCommunityUrl(n.communityId, { pending: true }) })
    else if (n.link === NotificationLink.JoinRequests) void Taro.switchTab({ url: ROUTES.workbench })
    else if (n.link === NotificationLink.Rumours) void Taro.navigateTo({ url: ROUTES.rumoursMine })
  }

  return (
    <View className='page'>
      <View className='card'>
        {(list.items?.length ?? 0) > 0 && (
          <View className='row notifications__actions'>
            <Text className='muted'>{anyUnread ? '有未读消息' : '消息都已读'}</Text>
            <Button id='notifications-read-all' size='small' fill='outline' type='primary' loading={markingAll} disabled={markingAll} onClick={() => void readAll()}>
              全部已读
            </Button>
          </View>
        )}
        <PagedList state={list} id='notifications-list' moreId='notifications-more' empty={{ title: '暂无消息', description: '上报有进展、加入社区的申请有结果时会通知您。' }}>
          {(n) => (
            <View
              key={n.id}
              id={`notification-${n.id}`}
              className={`row list-item notification${n.readAt ? '' : ' notification--unread'}`}
              ariaRole={opensSomething(n) ? 'button' : undefined}
              onClick={() => open(n)}
            >
              {!n.readAt && <View className='notification__dot' ariaLabel='未读' />}
              <View className='list-item__main'>
                <Text className='list-item__title notification__title'>{n.title}</Text>
                <Text className='notification__body'>{n.body}</Text>
                <Text className='list-item__meta'>{formatDateTime(n.createdAt)}</Text>
              </View>
              {opensSomething(n) && <Text className='muted'>{n.roomId !== null ? '进入' : '查看'}</Text>}
            </View>
          )}
        </PagedList>
      </View>
    </View>
  )
}
