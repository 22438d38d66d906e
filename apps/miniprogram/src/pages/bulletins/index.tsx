import { useState } from 'react'
import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { BULLETIN_KIND_LABELS, BulletinKind } from '@jws/contracts'

import { bulletinsApi } from '../../api/bulletins'
import BulletinFeedItem from '../../components/BulletinFeedItem'
import BulletinSubscribe from '../../components/BulletinSubscribe'
import Chips from '../../components/Chips'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'

const ALL = 'all'
const FILTERS = [{ value: ALL, label: '全部', id: 'bulletins-filter-all' }, ...Object.values(BulletinKind).map((k) => ({ value: k, label: BULLETIN_KIND_LABELS[k], id: `bulletins-filter-${k}` }))]

/** 警务公告: every bulletin of my groups, newest first, filtered by kind. */
export default function BulletinsPage() {
  const [kind, setKind] = useState<string>(ALL)
  const list = usePaged((page) => bulletinsApi.feed(page, 20, kind === ALL ? undefined : (kind as BulletinKind)), [kind], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  return (
    <View className='page'>
      <View className='card'>
        <BulletinSubscribe />
        <Chips id='bulletins-filter' options={FILTERS} value={kind} onChange={setKind} scroll />
        <PagedList state={list} id='bulletins-list' moreId='bulletins-more' empty={{ title: '暂无公告', description: '社区民警推送到您所在群的公告会显示在这里。' }}>
          {(item) => <BulletinFeedItem key={item.id} item={item} />}
        </PagedList>
      </View>
    </View>
  )
}
