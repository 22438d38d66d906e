import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { WorkbenchCommunity } from '@jws/contracts'

import { api } from '../../../api'
import { ErrorBlock, Loading } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { formatDateTime } from '../../../lib/labels'
import { HandoverPanel } from './HandoverPanel'

/**
 * 责任民警: who is responsible for the community now, the history of its officers (from, to, who
 * handed over, when, why; newest first), and 移交 for the roles the server allows (`canHandover`).
 */
export function OfficerHistory({ community, canHandover, onHandedOver }: {
  community: WorkbenchCommunity
  canHandover: boolean
  onHandedOver: (updated: WorkbenchCommunity) => Promise<void>
}) {
  const history = useAsync(() => api.communityHandovers(community.id), [community.id])
  const [open, setOpen] = useState(false)

  return (
    <>
      <View className='card' id='officer-card'>
        <Text className='card__title'>责任民警</Text>
        <Text className='community__officer' id='community-officer'>{community.officer?.name ?? '暂未指定'}</Text>
        {canHandover && !open && (
          <Button id='handover-open' fill='outline' size='small' onClick={() => setOpen(true)}>
            移交
          </Button>
        )}
        <Text className='community__subtitle'>交接记录</Text>
        {history.error && <ErrorBlock error={history.error} onRetry={() => void history.reload()} id='handover-history-error' />}
        {!history.data && !history.error && <Loading />}
        {history.data && history.data.length === 0 && <Text className='muted' id='handover-history-empty'>暂无交接记录</Text>}
        {history.data && history.data.length > 0 && (
          <View id='handover-history'>
            {history.data.map((h) => (
              <View className='community__history-row' key={h.id} id={`handover-${h.id}`}>
                <Text>{`${h.fromOfficer ?? '（无）'} → ${h.toOfficer}`}</Text>
                <Text className='muted'>{`${formatDateTime(h.at)} · ${h.by}移交`}</Text>
                <Text className='muted'>{`原因：${h.reason}`}</Text>
              </View>
            ))}
          </View>
        )}
      </View>
      {open && (
        <HandoverPanel
          community={community}
          onCancel={() => setOpen(false)}
          onDone={async (updated) => {
            setOpen(false)
            await Promise.all([onHandedOver(updated), history.reload()])
          }}
        />
      )}
    </>
  )
}
