import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { BulletinPushView } from '@jws/contracts'

import { bulletinsApi } from '../../../api/bulletins'
import { useSubmit } from '../../../hooks/useSubmit'
import { formatDateTime } from '../../../lib/labels'

/** 定时推送 not out yet: each with 取消 (before its time; its slot of that day is free again). */
export default function ScheduledPushes({ id, pushes, now, canCancel, onDone }: { id: number; pushes: BulletinPushView[]; now: number; canCancel: boolean; onDone: () => void }) {
  const { busy, error, run } = useSubmit()
  const ahead = pushes.filter((p) => Date.parse(p.pushedAt) > now)
  if (!ahead.length) return null
  const cancel = async (groupId: number) => {
    if (await run(() => bulletinsApi.cancelPush(id, groupId))) onDone()
  }
  return (
    <View className='bulletin-manage__section' id='manage-scheduled'>
      <Text className='card__title'>{`定时推送（${ahead.length}）`}</Text>
      {ahead.map((p) => (
        <View key={p.groupId} className='bulletin-manage__group' id={`manage-scheduled-${p.groupId}`}>
          <Text>{`${p.groupName} · ${formatDateTime(p.pushedAt)}`}</Text>
          {canCancel && <Button size='small' fill='outline' type='primary' id={`manage-scheduled-cancel-${p.groupId}`} disabled={busy} onClick={() => void cancel(p.groupId)}>
            取消
          </Button>}
        </View>
      ))}
      {error && <Text className='error-text' id='manage-scheduled-error'>{error}</Text>}
    </View>
  )
}
