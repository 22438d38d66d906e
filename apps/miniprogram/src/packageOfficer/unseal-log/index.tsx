import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import './index.scss'

const PAGE_SIZE = 20

/**
 * City leaders: every time a station leader unsealed an informant's identity — the case, who,
 * when and the reason they gave — newest first. The informant is never named here.
 */
export default function UnsealLogPage() {
  const list = usePaged((page) => api.unsealLog(page, PAGE_SIZE), [], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>信息员身份查看记录{list.items ? `（${list.total}）` : ''}</Text>
        <Text className='muted'>派出所领导每次查看保密信息员的身份都留有记录，包括查看人、时间和理由；这里不显示信息员本人。</Text>
        <PagedList state={list} id='unseal-log-list' moreId='unseal-log-more' empty={{ title: '暂无查看记录' }}>
          {(e, i) => (
            <View
              key={`${e.caseId}-${e.at}-${i}`}
              className='list-item unseal-log__item'
              id={`unseal-log-item-${i}`}
              ariaRole='button'
              onClick={() => void Taro.navigateTo({ url: caseUrl(e.caseId) })}
            >
              <View className='row'>
                <Text className='list-item__title'>{e.byName}</Text>
                <Text className='muted'>{formatDateTime(e.at)}</Text>
              </View>
              <Text className='list-item__meta'>案件 {e.caseNumber}</Text>
              <Text className='unseal-log__reason'>理由：{e.reason}</Text>
            </View>
          )}
        </PagedList>
      </View>
    </View>
  )
}
