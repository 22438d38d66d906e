import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { auditActionLabel, auditTargetLabel, type AuditEntryView } from '@jws/contracts'

import { formatDateTime } from '../../../lib/labels'

/** One audit entry in words: what was done, when, by whom, about what; taps narrow the log to that person or object. */
export function AuditEntry({ entry, onActor, onTarget }: {
  entry: AuditEntryView
  onActor: (actorId: number) => void
  onTarget: (type: string, id: string) => void
}) {
  const target = entry.targetType ? `${auditTargetLabel(entry.targetType)}${entry.targetId ? ` #${entry.targetId}` : ''}` : null
  return (
    <View className='list-item' id={`audit-entry-${entry.id}`}>
      <View className='row admin__entry-head'>
        <Text className={`list-item__title admin__entry-action${entry.outcome === 'denied' ? ' admin__denied' : ''}`}>{auditActionLabel(entry.action)}</Text>
        {entry.outcome === 'denied' && <Tag type='danger'>已拒绝</Tag>}
      </View>
      <Text className='list-item__meta'>{formatDateTime(entry.at)}{entry.ip ? ` · ${entry.ip}` : ''}</Text>
      <View className='row'>
        {entry.actorId !== null ? (
          <Button size='small' fill='none' type='primary' className='admin__link-button' id={`audit-actor-${entry.id}`} onClick={() => onActor(entry.actorId as number)}>
            {`${entry.actorName ?? '操作人'} #${entry.actorId}`}
          </Button>
        ) : (
          <Text className='muted'>系统</Text>
        )}
        {target && (
          <Button size='small' fill='none' type='primary' className='admin__link-button' id={`audit-about-${entry.id}`} onClick={() => onTarget(entry.targetType as string, entry.targetId ?? '')}>
            {target}
          </Button>
        )}
      </View>
      {entry.detail && <Text className='muted'>{entry.detail}</Text>}
    </View>
  )
}
