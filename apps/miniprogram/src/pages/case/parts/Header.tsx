import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '@jws/contracts'

import { caseStatusLabel, caseStatusTag, escalationLabel, kindAndSubcategory } from '../../../lib/case-labels'
import { AWAITING_RESPONSE, firstResponsePromise, residentStatusLabel } from '../../../lib/case-words'

/**
 * Number, status, title and the badges (逾期; for staff the escalation, 严重现实危险 and 待审核). A
 * resident reads the status in their words and, until an officer responds, the response time promised.
 */
export default function Header({ c, staff }: { c: CaseDetail; staff: boolean }) {
  return (
    <View className='card'>
      <View className='row'>
        <Text className='case__number' id='case-number' userSelect>
          {c.number}
        </Text>
        <View id='case-status'>
          <Tag type={caseStatusTag(c.status)}>{staff ? caseStatusLabel(c.status) : residentStatusLabel(c.status)}</Tag>
        </View>
      </View>
      <Text className='case__title'>{c.title}</Text>
      {!staff && AWAITING_RESPONSE.includes(c.status) && (
        <Text className='case__promise' id='case-first-response'>{firstResponsePromise(c.kind)}</Text>
      )}
      <View className='case__badges'>
        <Text className='case__kind' id='case-kind'>{kindAndSubcategory(c.kind, c.subcategory)}</Text>
        {c.overdue && (
          <View id='case-overdue'>
            <Tag type='danger'>逾期</Tag>
          </View>
        )}
        {staff && c.escalation > 0 && (
          <View id='case-escalation'>
            <Tag type='warning'>{escalationLabel(c.escalation)}</Tag>
          </View>
        )}
        {staff && c.seriousRisk && (
          <View id='case-serious-risk-badge'>
            <Tag type='danger'>严重现实危险</Tag>
          </View>
        )}
        {staff && c.heldForReview && (
          <View id='case-held'>
            <Tag type='warning'>内容待人工审核</Tag>
          </View>
        )}
      </View>
    </View>
  )
}
