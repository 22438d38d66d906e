import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { INQUIRY_OUTCOME_LABELS, InquiryOutcome, type InquiryView } from '@jws/contracts'

import { formatDateTime } from '../../lib/labels'

/** One 核查: the outcome, who signed it and when, the officer, the findings. */
export default function InquiryItem({ q, showCase = false }: { q: InquiryView; showCase?: boolean }) {
  return (
    <View className='inquiry' id={`inquiry-${q.id}`}>
      <View className='row'>
        <Text className='inquiry__title'>{showCase ? q.caseTitle : `核查 · ${formatDateTime(q.createdAt)}`}</Text>
        <Tag type={q.outcome === InquiryOutcome.NoFault ? 'success' : q.outcome === InquiryOutcome.Reminder ? 'warning' : 'danger'}>
          {INQUIRY_OUTCOME_LABELS[q.outcome]}
        </Tag>
      </View>
      {showCase && <Text className='list-item__meta'>{q.caseNumber} · {formatDateTime(q.createdAt)}</Text>}
      <Text className='list-item__meta'>督察：{q.inspectorName} · 责任民警：{q.officerName ?? '未指定'}</Text>
      <Text className='inquiry__findings' id={`inquiry-${q.id}-findings`}>{q.findings}</Text>
    </View>
  )
}
