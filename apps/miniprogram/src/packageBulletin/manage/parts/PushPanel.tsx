import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BULLETIN_DAILY_QUOTA, BulletinKind, PUSH_OUTCOME_LABELS, RUMOUR_RESERVED_SLOTS, type BulletinDetail, type PushResult } from '@jws/contracts'

import { bulletinsApi } from '../../../api/bulletins'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { useSubmit } from '../../../hooks/useSubmit'
import PickerField from '../../../components/PickerField'
import Toggle from '../../../components/Toggle'
import { chinaDate } from '../../../lib/china-time'
import { formatDateTime } from '../../../lib/labels'
import { scheduledAt } from '../../../lib/push-schedule'

/**
 * 推送: choose groups (each shows today's pushes of its daily quota) and push now, or at a time
 * picked ahead (定时推送, future only); the answer comes per group.
 */
export default function PushPanel({ b, onDone }: { b: BulletinDetail; onDone: () => void }) {
  const groups = useAsync(() => bulletinsApi.pushGroups(), [])
  const [chosen, setChosen] = useState<number[]>([])
  const [results, setResults] = useState<PushResult[]>([])
  const [later, setLater] = useState(false)
  const [date, setDate] = useState('')
  const [clock, setClock] = useState('')
  const { busy, error, setError, run } = useSubmit()
  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
  const push = async () => {
    if (!chosen.length) return setError('请选择要推送的群')
    let at: string | undefined
    if (later) {
      const when = scheduledAt(date, clock)
      if ('problem' in when) return setError(when.problem)
      at = when.at
    }
    setResults([])
    const answer = await run(() => bulletinsApi.push(b.id, { groupIds: chosen, ...(at ? { at } : {}) }))
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
      <Text className='muted'>
        {`每个群每天最多推送${BULLETIN_DAILY_QUOTA}条${b.kind === BulletinKind.Rumour ? `；辟谣另有${RUMOUR_RESERVED_SLOTS}次紧急推送` : ''}。`}
      </Text>
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
      <Toggle id='manage-push-later' title='定时推送' description='到时自动出现在群成员的公告里，之前可以取消' checked={later} onChange={setLater} />
      {later && (
        <View className='row' id='manage-push-when'>
          <Picker mode='date' value={date || chinaDate()} start={chinaDate()} onChange={(e) => setDate(e.detail.value)}>
            <PickerField id='manage-push-date' text={date} placeholder='选择日期' />
          </Picker>
          <Picker mode='time' value={clock || '09:00'} onChange={(e) => setClock(e.detail.value)}>
            <PickerField id='manage-push-time' text={clock} placeholder='选择时间' />
          </Picker>
        </View>
      )}
      {error && <Text className='error-text' id='manage-push-error'>{error}</Text>}
      {results.map((r) => (
        <Text key={r.groupId} className='bulletin-manage__result' id={`manage-push-result-${r.groupId}`}>
          {`${r.groupName ?? `群${r.groupId}`}：${PUSH_OUTCOME_LABELS[r.outcome]}${r.nextSlotAt ? `，${formatDateTime(r.nextSlotAt)}后可再推送` : ''}`}
        </Text>
      ))}
      <Button block className='block-button' id='manage-push-submit' type='primary' loading={busy} disabled={busy} onClick={() => void push()}>
        {later ? '定时推送' : '推送'}
      </Button>
    </View>
  )
}
