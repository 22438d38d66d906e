import { useState } from 'react'
import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { Permission, RumourStatus } from '@jws/contracts'

import { rumoursApi } from '../../api/rumours'
import Chips from '../../components/Chips'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { getUser, userCan } from '../../session/store'
import RumourRow from './RumourRow'

const FILTERS = [
  { value: RumourStatus.Open, label: '待核实', id: 'rumours-filter-open' },
  { value: RumourStatus.Debunked, label: '已辟谣', id: 'rumours-filter-debunked' },
]

/** 传言报告: the reports of the caller's scope (police: their groups; department staff and the 法治部门: their unit's). */
export default function RumourListPage() {
  const [status, setStatus] = useState<RumourStatus>(RumourStatus.Open)
  const list = usePaged((page) => rumoursApi.list(page, 20, status), [status], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  const canWrite = userCan(getUser(), Permission.BulletinWrite)
  return (
    <View className='page'>
      <View className='card'>
        <Chips id='rumours-filter' options={FILTERS} value={status} onChange={setStatus} />
        <PagedList state={list} id='rumours-list' moreId='rumours-more' empty={{ title: '暂无传言报告', description: '居民和民警报告的传言会显示在这里。' }}>
          {(r) => <RumourRow key={r.id} r={r} canWrite={canWrite} />}
        </PagedList>
      </View>
    </View>
  )
}
