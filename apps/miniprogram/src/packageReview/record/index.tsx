import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { isCalendarDate, REVIEW_DECISIONS_MAX, REVIEW_TEXT_MAX, reviewPeriod, type ReviewSchedule } from '@jws/contracts'

import { api } from '../../api'
import Chips from '../../components/Chips'
import NoteInput from '../../components/NoteInput'
import PickerField from '../../components/PickerField'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { chinaDate } from '../../lib/china-time'
import { ROUTES } from '../../lib/routes'
import '../review.scss'

interface Decision { content: string; ownerId: number | null; deadline: string }

const inDays = (days: number) => chinaDate(Date.now() + days * 86_400_000)

/** The form: 会商日期, 参会人员, 会商纪要, and the decisions, each with its 责任人 and 完成期限. */
function RecordForm({ schedule, from }: { schedule: ReviewSchedule; from: string }) {
  const period = reviewPeriod(schedule.unit, from)
  const today = chinaDate()
  const [heldOn, setHeldOn] = useState(period.to < today ? period.to : today)
  const [attendees, setAttendees] = useState('')
  const [summary, setSummary] = useState('')
  const [decisions, setDecisions] = useState<Decision[]>([])
  const { busy, error, setError, run } = useSubmit()
  const change = (i: number, d: Partial<Decision>) => setDecisions(decisions.map((x, j) => (j === i ? { ...x, ...d } : x)))
  async function submit() {
    if (!attendees.trim() || !summary.trim()) return setError('请填写参会人员和会商纪要')
    if (decisions.some((d) => !d.content.trim())) return setError('请填写决定事项的内容')
    if (decisions.some((d) => d.ownerId === null || !d.deadline)) return setError('每项决定都须指定责任人和完成期限')
    const review = await run(() => api.recordReview({
      periodFrom: period.from, heldOn, attendees, summary,
      decisions: decisions.map((d) => ({ content: d.content, ownerId: d.ownerId as number, deadline: d.deadline })),
    }))
    if (review) void Taro.redirectTo({ url: `${ROUTES.review}?id=${review.id}` })
  }
  return (
    <View className='card' id='record-form'>
      <Text className='card__title' id='record-title'>{`${schedule.node.name} · ${period.from} 至 ${period.to}`}</Text>
      <View className='review__field'>
        <Text className='review__label'>会商日期</Text>
        <Picker mode='date' value={heldOn} start={period.from} end={period.to < today ? period.to : today} onChange={(e) => setHeldOn(e.detail.value)}>
          <PickerField id='record-held-on' text={heldOn} placeholder='选择日期' />
        </Picker>
      </View>
      <View className='review__field'>
        <Text className='review__label'>参会人员</Text>
        <View id='record-attendees'><Input value={attendees} placeholder='如：郑副所长、王建国、赵立新' maxLength={REVIEW_TEXT_MAX.attendees} onChange={setAttendees} /></View>
      </View>
      <View className='review__field'>
        <Text className='review__label'>会商纪要</Text>
        <NoteInput id='record-summary' value={summary} placeholder='本期情况研判和工作部署' maxLength={REVIEW_TEXT_MAX.summary} onChange={setSummary} />
      </View>
      {decisions.map((d, i) => (
        <View key={i} className='review__decision' id={`record-decision-${i}`}>
          <Text className='review__label'>{`决定事项${i + 1}`}</Text>
          <NoteInput id={`record-decision-${i}-content`} value={d.content} placeholder='要办的事' maxLength={REVIEW_TEXT_MAX.decision} onChange={(v) => change(i, { content: v })} />
          <Text className='review__label'>责任人</Text>
          <Chips id={`record-decision-${i}-owner`} options={schedule.owners.map((o) => ({ value: o.id, label: o.name, id: `record-decision-${i}-owner-${o.id}` }))} value={d.ownerId} onChange={(v) => change(i, { ownerId: v })} />
          <Text className='review__label'>完成期限</Text>
          <Picker mode='date' value={d.deadline} start={today} onChange={(e) => change(i, { deadline: e.detail.value })}>
            <PickerField id={`record-decision-${i}-deadline`} text={d.deadline} placeholder='选择日期' />
          </Picker>
        </View>
      ))}
      {decisions.length < REVIEW_DECISIONS_MAX && (
        <Button block className='block-button' id='record-add-decision' type='primary' fill='outline' onClick={() => setDecisions([...decisions, { content: '', ownerId: null, deadline: inDays(7) }])}>
          添加决定事项
        </Button>
      )}
      {error && <Text className='error-text' id='record-error'>{error}</Text>}
      <Button block className='block-button' id='record-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        保存会商记录
      </Button>
    </View>
  )
}

/** 记录会商 of the caller's own unit for the period starting `?from=`. */
export default function RecordPage() {
  const from = useRouter().params.from ?? ''
  const state = useAsync(() => api.reviewSchedule(), [])
  return (
    <View className='page'>
      {isCalendarDate(from) ? (
        <AsyncContent state={state} errorId='record-load-error'>{(s) => <RecordForm schedule={s} from={from} />}</AsyncContent>
      ) : (
        <EmptyBlock id='record-no-period' title='请从会商调度选择要记录的时段' />
      )}
    </View>
  )
}
