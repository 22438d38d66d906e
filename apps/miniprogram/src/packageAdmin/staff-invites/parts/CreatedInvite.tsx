import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type StaffInvitationView } from '@jws/contracts'

import { formatDateTime } from '../../../lib/labels'
import { ROUTES } from '../../../lib/routes'
import { platform } from '../../../platform'

/** The page the invitee opens: the claim page with the token (a full address in the browser build). */
export function claimLink(token: string): string {
  const path = `${ROUTES.staffClaim}?token=${encodeURIComponent(token)}`
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}${path}` : path
}

/** The invitation just made: its link and 邀请口令, shown this once (the service keeps only a hash). */
export function CreatedInvite({ made, name }: { made: StaffInvitationView; name: string }) {
  const link = claimLink(made.token)
  return (
    <View className='card admin__created' id='staff-invite-created'>
      <Text className='card__title'>邀请已生成</Text>
      <Text className='muted'>
        邀请{name}登记为{ROLE_LABELS[made.role]}。链接只在这里显示一次，{formatDateTime(made.expiresAt)}前有效，只能使用一次；请只发给对方本人。
      </Text>
      <Text className='admin__label'>邀请链接</Text>
      <Text className='admin__link' id='staff-invite-link' userSelect>{link}</Text>
      <Text className='admin__label'>邀请口令（对方也可在“领取邀请”页输入）</Text>
      <Text className='admin__token' id='staff-invite-token' userSelect>{made.token}</Text>
      <Button block className='block-button' id='staff-invite-copy' type='primary' onClick={() => void platform.copyText(link)}>
        复制邀请链接
      </Button>
      {process.env.TARO_ENV !== 'h5' && (
        <Button block className='block-button' id='staff-invite-share' fill='outline' type='primary' openType='share'>
          发送给对方
        </Button>
      )}
    </View>
  )
}
