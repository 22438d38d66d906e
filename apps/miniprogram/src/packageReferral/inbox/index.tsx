import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { REFERRAL_STATUS_LABELS, ReferralStatus } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { formatDateTime } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'

/** Department staff: referrals to their department, to sign and answer. */
export default function ReferralInboxPage() {
  const state = useAsync(() => api.departmentReferrals(), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='referral-inbox-error'>
        {(items) =>
          items.length === 0 ? (
            <View className='card'>
              <EmptyBlock id='referral-inbox-empty' title='暂无转办' description='民警转给本部门的事项会显示在这里。' />
            </View>
          ) : (
            <View className='card' id='referral-inbox'>
              {items.map((r) => (
                <View key={r.id} id={`referral-item-${r.id}`} className='row list-item' ariaRole='button' onClick={() => void Taro.navigateTo({ url: `${ROUTES.referral}?id=${r.id}` })}>
                  <View className='list-item__main'>
                    <Text className='list-item__title'>{r.caseTitle}</Text>
                    <Text className='list-item__meta'>
                      {r.communityName} · 联系人 {r.contactName} · {r.status === ReferralStatus.Sent ? `签收期限 ${formatDateTime(r.receiptDueAt)}` : `回复期限 ${formatDateTime(r.replyDueAt)}`}
                    </Text>
                  </View>
                  <Tag type={r.overdue ? 'danger' : r.status === ReferralStatus.Replied ? 'success' : 'warning'}>
                    {r.overdue ? '逾期' : REFERRAL_STATUS_LABELS[r.status]}
                  </Tag>
                </View>
              ))}
            </View>
          )
        }
      </AsyncContent>
    </View>
  )
}
