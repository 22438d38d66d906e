import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { CaseAction, ReferralStatus, nextStatus, type CaseDetail } from '@jws/contracts'

import { api } from '../api'
import { useAsync } from '../hooks/useAsync'
import { referralStatusLabel } from '../lib/case-words'
import { formatDateTime } from '../lib/labels'
import { ROUTES } from '../lib/routes'

/**
 * 转办 on the case page: each referral in plain words (已转12345，工单号 …) for everyone who may
 * see the case; staff open a referral to record a reply, and officers start a new one (转办).
 */
export default function CaseReferrals({ c, staff }: { c: CaseDetail; staff: boolean }) {
  // Reloaded whenever the case changes (an action, a reply that came back).
  const steps = useAsync(() => api.referralSteps(c.id), [c.id, c.status, c.timeline.length])
  const canRefer = staff && c.canAddNote && nextStatus(c.status, CaseAction.Refer) !== null
  const items = steps.data ?? []
  if (!items.length && !canRefer) return null
  return (
    <View className='card' id='case-referrals'>
      <Text className='card__title'>转办情况</Text>
      {items.map((s) => (
        <View
          key={s.id}
          id={`referral-step-${s.id}`}
          className='row list-item'
          ariaRole={staff ? 'button' : undefined}
          onClick={staff ? () => void Taro.navigateTo({ url: `${ROUTES.referral}?id=${s.id}` }) : undefined}
        >
          <View className='list-item__main'>
            <Text className='list-item__title'>{s.text}</Text>
            <Text className='list-item__meta'>{formatDateTime(s.at)}</Text>
          </View>
          {s.failed ? (
            <Tag type='danger'>发送失败</Tag>
          ) : (
            <Tag type={s.status === ReferralStatus.Replied ? 'success' : 'warning'}>{referralStatusLabel(s.status, staff)}</Tag>
          )}
        </View>
      ))}
      {canRefer && (
        <Button block className='block-button' id='case-refer' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: `${ROUTES.refer}?caseId=${c.id}` })}>
          转办（警种部门 / 12345 / 其他部门）
        </Button>
      )}
    </View>
  )
}
