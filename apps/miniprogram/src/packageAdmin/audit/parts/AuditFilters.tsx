import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { AUDIT_TARGET_LABELS } from '@jws/contracts'

import Chips from '../../../components/Chips'

/** What the log is narrowed to: who acted, and what it was about (type + id). Empty = everything. */
export interface AuditFilter {
  actorId: string
  targetType: string
  targetId: string
}

export const NO_FILTER: AuditFilter = { actorId: '', targetType: '', targetId: '' }

const TARGETS = [{ value: '', label: '全部' }, ...Object.entries(AUDIT_TARGET_LABELS).map(([value, label]) => ({ value, label, id: `audit-target-${value}` }))]

/** 按人员 / 按对象 filter form; applies on 查询, so typing does not reload the list at each key. */
export function AuditFilters({ value, onApply }: { value: AuditFilter; onApply: (f: AuditFilter) => void }) {
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState('')
  // The filter may change from outside (只看此人 on an entry): start again from it.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setDraft(value)
  }
  const digits = (s: string) => s.replace(/\D/g, '').slice(0, 10)

  function apply() {
    if (draft.targetId && !draft.targetType) return setError('按对象查询时请先选择对象类型')
    setError('')
    onApply(draft)
  }

  return (
    <View className='card' id='audit-filters'>
      <Text className='admin__label'>操作人（用户编号）</Text>
      <View className='admin__input' id='audit-actor'>
        <Input value={draft.actorId} type='digit' placeholder='如 12；留空为全部人员' onChange={(v) => setDraft({ ...draft, actorId: digits(v) })} />
      </View>
      <Text className='admin__label'>对象类型</Text>
      <Chips id='audit-target-type' options={TARGETS} value={draft.targetType} onChange={(t) => setDraft({ ...draft, targetType: t })} />
      <Text className='admin__label'>对象编号</Text>
      <View className='admin__input' id='audit-target-id'>
        <Input value={draft.targetId} placeholder='如 案件或人员的编号；留空为全部' maxLength={64} onChange={(v) => setDraft({ ...draft, targetId: v.trim() })} />
      </View>
      {error && <Text className='error-text' id='audit-filter-error'>{error}</Text>}
      <View className='admin__filters'>
        <Button className='admin__filter-button' type='primary' id='audit-apply' onClick={apply}>查询</Button>
        <Button className='admin__filter-button' fill='outline' type='default' id='audit-clear' onClick={() => onApply(NO_FILTER)}>清除条件</Button>
      </View>
    </View>
  )
}
