import { Text, View } from '@tarojs/components'
import { INQUIRY_OUTCOME_LABELS, type CaseDetail } from '@jws/contracts'

import { api } from '../../../api'
import { useAsync } from '../../../hooks/useAsync'
import { formatDateTime } from '../../../lib/labels'

/** 核查 of this case by 信访/督察, for its officer and the leaders over it; nothing shows while there are none. */
export default function InquiriesCard({ c }: { c: CaseDetail }) {
  const state = useAsync(() => api.caseInquiries(c.id), [c.id])
  const inquiries = state.data ?? []
  if (!inquiries.length) return null
  return (
    <View className='card' id='case-inquiries'>
      <Text className='card__title'>督察核查（{inquiries.length}）</Text>
      {inquiries.map((q) => (
        <View key={q.id} className='case-inquiry' id={`case-inquiry-${q.id}`}>
          <Text className='list-item__meta'>
            {formatDateTime(q.createdAt)} · {q.inspectorName} · 结论：{INQUIRY_OUTCOME_LABELS[q.outcome]}
          </Text>
          <Text className='case-inquiry__findings'>{q.findings}</Text>
        </View>
      ))}
    </View>
  )
}
