import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import {
  CASE_STATUS_LABELS, INQUIRY_FINDINGS_MAX, INQUIRY_OUTCOME_LABELS, INQUIRY_OUTCOMES, type InquiryOutcome, type InspectionCaseView,
} from '@jws/contracts'

import { api } from '../../api'
import Chips from '../../components/Chips'
import NoteInput from '../../components/NoteInput'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import InquiryItem from '../parts/InquiryItem'
import Trail from '../parts/Trail'
import '../inspection.scss'

const OUTCOME_OPTIONS = INQUIRY_OUTCOMES.map((o) => ({ value: o, label: INQUIRY_OUTCOME_LABELS[o], id: `inquiry-outcome-${o}` }))

/** 发起核查: findings and an outcome; the officer and the station leader are told. */
function InquiryForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const [findings, setFindings] = useState('')
  const [outcome, setOutcome] = useState<InquiryOutcome | null>(null)
  const { busy, error, setError, run } = useSubmit()

  async function submit() {
    if (!findings.trim()) return setError('请填写核查情况')
    if (!outcome) return setError('请选择核查结论')
    const saved = await run(() => api.openInquiry(caseId, { findings: findings.trim(), outcome }))
    if (!saved) return
    setFindings('')
    setOutcome(null)
    void Taro.showToast({ title: '已记录核查', icon: 'success' })
    onDone()
  }

  return (
    <View className='card' id='inquiry-form'>
      <Text className='card__title'>发起核查</Text>
      <Text className='muted'>写明核查情况和结论，责任民警和派出所领导会收到通知；核查记录仅民警、领导和督察可见。</Text>
      <View className='inspection__form-field'>
        <NoteInput id='inquiry-findings' value={findings} placeholder='核查情况：超时原因、民警说明、群众影响等' maxLength={INQUIRY_FINDINGS_MAX} onChange={setFindings} />
      </View>
      <View className='inspection__form-field'>
        <Text className='muted'>核查结论</Text>
        <Chips id='inquiry-outcome' options={OUTCOME_OPTIONS} value={outcome} onChange={setOutcome} />
      </View>
      {error && <Text className='error-text' id='inquiry-error'>{error}</Text>}
      <Button block className='block-button' id='inquiry-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        提交核查
      </Button>
    </View>
  )
}

/** One case for the inspector: its response-time trail, its 核查 so far, and the form for a new one. */
export default function InspectionCasePage() {
  const id = Number(useRouter().params.id)
  const state = useAsync<InspectionCaseView>(() => api.inspectionCase(id), [id])
  return (
    <View className='page'>
      <AsyncContent state={state}>
        {({ item, inquiries }) => (
          <>
            <View className='card' id='inspection-case'>
              <Text className='card__title'>{item.title}</Text>
              <Text className='list-item__meta'>{item.number} · {item.communityName} · {CASE_STATUS_LABELS[item.status]}</Text>
              <Text className='list-item__meta' id='inspection-case-officer'>责任民警：{item.officerName ?? '未指定'}</Text>
              <Trail trail={item.trail} idPrefix='inspection-case' />
            </View>
            <View className='card' id='inspection-inquiries'>
              <Text className='card__title'>核查记录（{inquiries.length}）</Text>
              {inquiries.length === 0 ? <Text className='muted'>尚未核查</Text> : inquiries.map((q) => <InquiryItem key={q.id} q={q} />)}
            </View>
            <InquiryForm caseId={item.caseId} onDone={() => void state.reload()} />
          </>
        )}
      </AsyncContent>
    </View>
  )
}
