import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { RumourStatus } from '@jws/contracts'

import { rumoursApi } from '../../../api/rumours'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'

interface Props {
  /** The 辟谣 being edited (its links are loaded and kept), or none for a new one. */
  bulletinId: number | null
  chosen: number[]
  setChosen: (ids: number[]) => void
}

/** 关联传言: the open rumour reports of the author's scope; the 辟谣 links the ticked ones (and reaches their groups and reporters once approved). */
export default function RumourLinks({ bulletinId, chosen, setChosen }: Props) {
  const state = useAsync(async () => {
    const [open, linked] = await Promise.all([rumoursApi.list(1, 50, RumourStatus.Open), bulletinId ? rumoursApi.linked(bulletinId) : Promise.resolve([])])
    const ids = new Set(linked.map((r) => r.id))
    return { reports: [...linked, ...open.items.filter((r) => !ids.has(r.id) && r.bulletinId === null)], linked: [...ids] }
  }, [bulletinId])
  const linked = state.data?.linked
  useEffect(() => {
    if (linked?.length) setChosen([...new Set([...chosen, ...linked])])
    // Once, when the existing links arrive.
  }, [linked])
  const toggle = (id: number) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id])
  return (
    <View id='bulletin-rumours'>
      <Text className='bulletin-form__label'>关联传言</Text>
      <Text className='bulletin-form__hint'>审核通过后，辟谣会推送到传言所在的群，并通知报告的居民。</Text>
      <AsyncContent state={state} errorId='bulletin-rumours-error'>
        {({ reports }) => (reports.length === 0 ? <Text className='muted'>暂无待核实的传言</Text> : (
          <View>
            {reports.map((r) => {
              const on = chosen.includes(r.id)
              return (
                <View key={r.id} id={`bulletin-rumour-${r.id}`} className='bulletin-manage__group' ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => toggle(r.id)}>
                  <Text>{`${on ? '☑' : '☐'} ${r.text}`}</Text>
                  <Text className='muted'>{r.groupName}</Text>
                </View>
              )
            })}
          </View>
        ))}
      </AsyncContent>
    </View>
  )
}
