import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { ROUTES } from '../../lib/routes'
import InquiryItem from '../parts/InquiryItem'
import '../inspection.scss'

/** The 核查 of the inspector's jurisdiction, newest first; each opens its case's trail. */
export default function InquiriesPage() {
  const list = usePaged((page) => api.inquiries(page, 20), [], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>核查记录{list.items ? `（${list.total}）` : ''}</Text>
        <PagedList state={list} id='inquiry-list' moreId='inquiry-more' empty={{ title: '暂无核查记录' }}>
          {(q) => (
            <View key={q.id} ariaRole='button' onClick={() => void Taro.navigateTo({ url: `${ROUTES.inspectionCase}?id=${q.caseId}` })}>
              <InquiryItem q={q} showCase />
            </View>
          )}
        </PagedList>
      </View>
    </View>
  )
}
