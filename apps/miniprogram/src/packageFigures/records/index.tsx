import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, type FigureCounter, FIGURE_RECORD_TYPE_LABELS } from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import '../figures.scss'

/** The records behind one counter of 数据, newest first (cases open their page). */
export default function FigureRecordsPage() {
  const { params } = useRouter()
  const counter = (FIGURE_COUNTERS as readonly string[]).includes(params.counter ?? '') ? (params.counter as FigureCounter) : 'disputesResolved'
  const from = params.from ?? ''
  const to = params.to ?? ''
  const orgId = params.orgId ? Number(params.orgId) : undefined
  const state = usePaged((page) => api.figureRecords({ counter, from, to, orgId, page, pageSize: 20 }), [counter, from, to, orgId])
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title' id='figure-records-title'>{`${FIGURE_COUNTER_LABELS[counter]} · ${from} 至 ${to}`}</Text>
        <Text className='muted' id='figure-records-total'>{state.items ? `共 ${state.total} 条记录` : ''}</Text>
      </View>
      <PagedList state={state} id='figure-records' moreId='figure-records-more' empty={{ title: '这个时段没有记录' }}>
        {(r) => (
          <View
            key={`${r.type}-${r.id}`}
            className='list-item'
            id={`figure-record-${r.type}-${r.id}`}
            ariaRole={r.type === 'case' ? 'button' : undefined}
            onClick={() => { if (r.type === 'case') void Taro.navigateTo({ url: caseUrl(r.id) }) }}
          >
            <Text className='list-item__title'>{r.title}</Text>
            <Text className='list-item__meta'>{`${r.number ?? FIGURE_RECORD_TYPE_LABELS[r.type]} · ${r.kindLabel} · ${r.communityName} · ${formatDateTime(r.at)}`}</Text>
          </View>
        )}
      </PagedList>
    </View>
  )
}
