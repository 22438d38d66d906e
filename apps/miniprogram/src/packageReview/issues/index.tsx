import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { MAJOR_ISSUE_STATUS_LABELS, REVIEW_TEXT_MAX, Role, type MajorIssueView } from '@jws/contracts'

import { api } from '../../api'
import NoteInput from '../../components/NoteInput'
import PickerField from '../../components/PickerField'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { useSubmit } from '../../hooks/useSubmit'
import { chinaDate } from '../../lib/china-time'
import '../review.scss'

/** A station leader's 上报重大问题: title, situation, and the deadline for the 会商 and its feedback. */
function RaiseForm({ onRaised }: { onRaised: (i: MajorIssueView) => void }) {
  const [title, setTitle] = useState('')
  const [detail, setDetail] = useState('')
  const [deadline, setDeadline] = useState(chinaDate(Date.now() + 3 * 86_400_000))
  const { busy, error, setError, run } = useSubmit()
  async function submit() {
    if (!title.trim() || !detail.trim()) return setError('请填写问题标题和情况')
    const raised = await run(() => api.raiseMajorIssue({ title, detail, deadline }))
    if (raised) {
      setTitle('')
      setDetail('')
      onRaised(raised)
    }
  }
  return (
    <View className='card' id='issues-form'>
      <Text className='card__title'>上报重大问题</Text>
      <Text className='muted'>报挂点市局领导，请其在期限内会商并反馈。</Text>
      <View className='review__field' id='issues-title'><Input value={title} placeholder='问题标题' maxLength={REVIEW_TEXT_MAX.title} onChange={setTitle} /></View>
      <NoteInput id='issues-detail' value={detail} placeholder='问题情况' maxLength={REVIEW_TEXT_MAX.issue} onChange={setDetail} />
      <Text className='review__label review__field'>会商和反馈期限</Text>
      <Picker mode='date' value={deadline} start={chinaDate()} onChange={(e) => setDeadline(e.detail.value)}>
        <PickerField id='issues-deadline' text={deadline} placeholder='选择日期' />
      </Picker>
      {error && <Text className='error-text' id='issues-error'>{error}</Text>}
      <Button block className='block-button' id='issues-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>上报</Button>
    </View>
  )
}

function IssueItem({ issue, canAnswer, onAnswered }: { issue: MajorIssueView; canAnswer: boolean; onAnswered: (i: MajorIssueView) => void }) {
  const [feedback, setFeedback] = useState('')
  const { busy, error, setError, run } = useSubmit()
  async function answer() {
    if (!feedback.trim()) return setError('请填写会商反馈')
    const answered = await run(() => api.answerMajorIssue(issue.id, feedback))
    if (answered) onAnswered(answered)
  }
  return (
    <View className='review__item' id={`issue-${issue.id}`}>
      <View className='row'>
        <Text className='review__title'>{issue.title}</Text>
        <Tag type={issue.status === 'answered' ? 'success' : 'warning'}>{MAJOR_ISSUE_STATUS_LABELS[issue.status]}</Tag>
      </View>
      <Text className='muted'>{`${issue.stationName} ${issue.raisedBy} 上报 · 挂点领导 ${issue.leaderName} · 期限 ${issue.deadline}`}</Text>
      <Text userSelect>{issue.detail}</Text>
      {issue.feedback && <Text className='muted'>会商反馈：{issue.feedback}</Text>}
      {canAnswer && issue.status === 'open' && (
        <View>
          <NoteInput id={`issue-${issue.id}-feedback`} value={feedback} placeholder='会商结果和反馈' maxLength={REVIEW_TEXT_MAX.feedback} onChange={setFeedback} />
          {error && <Text className='error-text'>{error}</Text>}
          <Button size='small' type='primary' id={`issue-${issue.id}-answer`} loading={busy} disabled={busy} onClick={() => void answer()}>反馈</Button>
        </View>
      )}
    </View>
  )
}

/** 重大问题: raised by station leaders to their 挂点 city leader, who holds a 会商 and feeds back. */
export default function IssuesPage() {
  const { user: me } = useMe()
  const state = useAsync(() => api.majorIssues(), [], { reloadOnShow: true })
  const replace = (items: MajorIssueView[], i: MajorIssueView) => state.set(items.some((x) => x.id === i.id) ? items.map((x) => (x.id === i.id ? i : x)) : [i, ...items])
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='issues-load-error'>
        {(items) => (
          <>
            {me?.role === Role.StationLeader && <RaiseForm onRaised={(i) => replace(items, i)} />}
            <View className='card' id='issues-list'>
              <Text className='card__title'>{`重大问题（${items.length}）`}</Text>
              {items.length === 0 && <Text className='muted'>没有重大问题。</Text>}
              {items.map((i) => <IssueItem key={i.id} issue={i} canAnswer={me?.id === i.leaderId} onAnswered={(a) => replace(items, a)} />)}
            </View>
          </>
        )}
      </AsyncContent>
    </View>
  )
}
