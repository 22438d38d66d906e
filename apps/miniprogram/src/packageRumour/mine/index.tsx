import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { RUMOUR_STATUS_LABELS, RumourStatus, type RumourReportView } from '@jws/contracts'

import { rumoursApi } from '../../api/rumours'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { formatDateTime } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import '../rumour.scss'

function MyRumour({ r }: { r: RumourReportView }) {
  const debunked = r.status === RumourStatus.Debunked
  return (
    <View className='rumour-item' id={`rumour-mine-${r.id}`}>
      <View className='row'>
        <Tag type={debunked ? 'success' : 'warning'}>{RUMOUR_STATUS_LABELS[r.status]}</Tag>
        <Text className='list-item__meta'>{formatDateTime(r.createdAt)}</Text>
      </View>
      <Text className='rumour-item__text'>{r.text}</Text>
      <Text className='list-item__meta'>{`${r.groupName}${r.place ? ` · ${r.place}` : ''}`}</Text>
      {debunked && r.bulletinId !== null && (
        <View className='rumour-item__link'
          id={`rumour-mine-bulletin-${r.id}`}
          ariaRole='link'
          onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletin}?id=${r.bulletinId}` })}
        >
          {`已辟谣：${r.bulletinTitle ?? '查看辟谣'}`}
        </View>
      )}
    </View>
  )
}

/** 我的传言报告: each report 待核实 or 已辟谣, the latter with its 辟谣. */
export default function MyRumoursPage() {
  const list = usePaged((page) => rumoursApi.mine(page), [], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  return (
    <View className='page'>
      <View className='card'>
        <Button block className='block-button' id='rumours-mine-new' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.rumourReport })}>
          报告传言
        </Button>
        <PagedList state={list} id='rumours-mine-list' moreId='rumours-mine-more' empty={{ title: '还没有报告过传言', description: '看到拿不准的消息，可以报告给社区民警核实。' }}>
          {(r) => <MyRumour key={r.id} r={r} />}
        </PagedList>
      </View>
    </View>
  )
}
