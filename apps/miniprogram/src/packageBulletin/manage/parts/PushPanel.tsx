import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PUSH_OUTCOME_LABELS, type BulletinDetail, type PushResult } from '@jws/contracts'

import { bulletinsApi } from '../../../api/bulletins'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { useSubmit } from '../../../hooks/useSubmit'
import { formatDateTime } from '../../../lib/labels'

/** 推送: choose groups (each shows today's pushes of its daily quota) and push; the answer comes per group. */
export default function PushPanel({ b, onDone }: { b: BulletinDetail; onDone: () => void }) {
  const groups = useAsync(() => bulletinsApi.pushGroups(), [])
  const [chosen, setChosen] = useState<number[]>([])
  const [results, setResults] = useState<PushResult[]>([])
  const { busy, error, setError, run } = useSubmit()
  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
  const push = async () => {
    if (!chosen.length) return setError('请选择要推送的群')
    setResults([])
    const answer = await run(() => bulletinsApi.push(b.id, { groupIds: chosen }))
    void groups.reload()
    if (answer) {
      setResults(answer.results)
      setChosen([])
      onDone()
    }
  }
  return (
    <View className='bulletin-manage__section' id='manage-push'>
      <Text className='card__title'>推送到群</Text>
      <Text className='muted'>每个群每天最多推送2条。</Text>
      <AsyncContent state={groups} errorId='manage-push-groups-error'>
        {(list) => (
          <View id='manage-push-groups'>
            {list.map((g) => {
              const full = g.usedToday >= g.quota
              const on = chosen.includes(g.id)
              return (
                <View
                  key={g.id}
                  id={`manage-push-group-${g.id}`}
                  className={`bulletin-manage__group${full ? ' bulletin-manage__group--full' : ''}`}
                  ariaRole='checkbox'
                  aria-checked={on ? 'true' : 'false'}
                  onClick={() => toggle(g.id)}
                >
                  <Text>{`${on ? '☑' : '☐'} ${g.name}`}</Text>
                  <Text className='muted' id={`manage-push-group-${g.id}-used`}>{`今日 ${g.usedToday}/${g.quota}`}</Text>
                </View>
              )
            })}
          </View>
        )}
      </AsyncContent>
      {error && <Text className='error-text' id='manage-push-error'>{error}</Text>}
      {results.map((r) => (
        <Text key={r.groupId} className='bulletin-manage__result' id={`manage-push-result-${r.groupId}`}>
          {`${r.groupName ?? `群${r.groupId}`}：${PUSH_OUTCOME_LABELS[r.outcome]}${r.nextSlotAt ? `，${formatDateTime(r.nextSlotAt)}后可再推送` : ''}`}
        </Text>
      ))}
      <Button block className='block-button' id='manage-push-submit' type='primary' loading={busy} disabled={busy} onClick={() => void push()}>
        推送
      </Button>
    </View>
  )
}
