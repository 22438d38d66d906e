import { useState } from 'react'
import { Text, View } from '@tarojs/components'

import { api } from '../../../api'
import Chips from '../../../components/Chips'
import NameSearch from '../../../components/NameSearch'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { caseStatusLabel } from '../../../lib/case-labels'
import type { ChooserProps } from '../../../pages/case/parts/Actions'

/** Other open reports of the community, to say which one this repeats. */
export function DuplicateChooser({ c, value, onChange }: ChooserProps) {
  const candidates = useAsync(async () => (await api.caseQueue({ communityId: c.communityId, pageSize: 20 })).items.filter((x) => x.id !== c.id), [c.id])
  return (
    <View className='case__field'>
      <Text className='case__label'>与哪条上报重复</Text>
      <AsyncContent state={candidates}>
        {(items) =>
          items.length === 0 ? (
            <Text className='muted'>本社区暂无其他未办结的上报</Text>
          ) : (
            <View className='case__choices' id='case-duplicate-list'>
              {items.map((x) => (
                <View
                  key={x.id}
                  id={`case-duplicate-${x.id}`}
                  className={`case__choice${value === x.id ? ' case__choice--active' : ''}`}
                  onClick={() => onChange(x.id)}
                >
                  <Text className='list-item__title'>{x.title}</Text>
                  <Text className='list-item__meta'>
                    {x.number} · {caseStatusLabel(x.status)}
                  </Text>
                </View>
              ))}
            </View>
          )
        }
      </AsyncContent>
    </View>
  )
}

const TRANSFER_CHOICES = 30

/** Communities in the caller's scope, to transfer the report to; found by name where there are many. */
export function TransferChooser({ c, value, onChange }: ChooserProps) {
  const [search, setSearch] = useState('')
  const communities = useAsync(async () => {
    const found = await api.workbenchCommunities({ pageSize: TRANSFER_CHOICES, q: search })
    return { items: found.items.filter((x) => x.id !== c.communityId), more: found.total > TRANSFER_CHOICES }
  }, [c.communityId, search])
  return (
    <View className='case__field'>
      <Text className='case__label'>转交到哪个社区</Text>
      {(search || communities.data?.more) && (
        <NameSearch id='case-transfer-search' placeholder='输入社区或派出所名称查找' onSearch={setSearch} />
      )}
      <AsyncContent state={communities}>
        {({ items }) =>
          items.length === 0 ? (
            <Text className='muted'>{search ? `没有名称含“${search}”的其他社区` : '辖区内没有其他社区'}</Text>
          ) : (
            <Chips
              id='case-transfer-list'
              options={items.map((x) => ({ value: x.id, label: x.name, id: `case-transfer-${x.id}` }))}
              value={value}
              onChange={onChange}
            />
          )
        }
      </AsyncContent>
    </View>
  )
}
