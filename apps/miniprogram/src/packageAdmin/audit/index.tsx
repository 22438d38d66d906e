import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { auditTargetLabel } from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { usePaged } from '../../hooks/usePaged'
import { AuditEntry } from './parts/AuditEntry'
import { AuditFilters, type AuditFilter } from './parts/AuditFilters'
import '../admin.scss'

const PAGE_SIZE = 30

function describe(f: AuditFilter): string {
  const parts = [
    f.actorId && `操作人 #${f.actorId}`,
    f.targetType && `${auditTargetLabel(f.targetType)}${f.targetId ? ` #${f.targetId}` : ''}`,
  ].filter(Boolean)
  return parts.length ? `筛选：${parts.join('，')}` : '全部记录'
}

/**
 * 审计日志 (admins and city leaders): who did what to whom, newest first, narrowed by person and by
 * object. Opening and filtering it is itself recorded. `?actorId=&targetType=&targetId=` opens it filtered.
 */
export default function AuditPage() {
  const params = useRouter().params
  const [filter, setFilter] = useState<AuditFilter>({ actorId: params.actorId ?? '', targetType: params.targetType ?? '', targetId: params.targetId ?? '' })
  const list = usePaged(
    (page) => api.audit({
      page, pageSize: PAGE_SIZE,
      actorId: filter.actorId ? Number(filter.actorId) : undefined,
      targetType: filter.targetType || undefined,
      targetId: filter.targetId || undefined,
    }),
    [filter.actorId, filter.targetType, filter.targetId],
  )
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  return (
    <View className='page'>
      <AuditFilters value={filter} onApply={setFilter} />
      <View className='card'>
        <Text className='card__title' id='audit-title'>审计日志{list.items ? `（${list.total}）` : ''}</Text>
        <Text className='muted' id='audit-filter-text'>{describe(filter)}</Text>
        <PagedList state={list} id='audit-list' moreId='audit-more' empty={{ title: '没有符合条件的记录' }}>
          {(e) => (
            <AuditEntry
              key={e.id}
              entry={e}
              onActor={(actorId) => setFilter({ actorId: String(actorId), targetType: '', targetId: '' })}
              onTarget={(targetType, targetId) => setFilter({ actorId: '', targetType, targetId })}
            />
          )}
        </PagedList>
      </View>
    </View>
  )
}
