import { Text, View } from '@tarojs/components'
import { RUMOUR_STATUS_LABELS } from '@jws/contracts'

import { rumoursApi } from '../../../api/rumours'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'

/** A 辟谣's linked rumour reports (传言) and whether each is 已辟谣. */
export default function LinkedRumours({ id }: { id: number }) {
  const state = useAsync(() => rumoursApi.linked(id), [id], { reloadOnShow: true })
  return (
    <View className='bulletin-manage__section' id='manage-rumours'>
      <AsyncContent state={state} errorId='manage-rumours-error'>
        {(reports) => (
          <>
            <Text className='card__title'>{`关联传言（${reports.length}）`}</Text>
            {reports.length === 0 && <Text className='muted'>未关联传言。修改时可勾选要辟谣的传言。</Text>}
            {reports.map((r) => (
              <Text key={r.id} className='list-item__meta' id={`manage-rumour-${r.id}`}>{`${RUMOUR_STATUS_LABELS[r.status]} · ${r.text} · ${r.groupName}`}</Text>
            ))}
          </>
        )}
      </AsyncContent>
    </View>
  )
}
