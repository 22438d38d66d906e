import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RoomInvitationView } from '@jws/contracts'

import { formatDateTime } from '../../../lib/labels'
import { platform } from '../../../platform'

/**
 * A new invitation, ready to pass on. In the mini program the share card (右上角“…”→转发) carries
 * it; in the browser there is no such menu, so the link is shown to copy. Both also show the
 * invitation code, which opens the room from the link's `?invite=`.
 */
export default function InviteShare({ invitation }: { invitation: RoomInvitationView }) {
  const link = platform.pageLink(invitation.page)
  return (
    <View className='room__invite' id='room-invite-ready'>
      <Text className='room__invite-lead'>
        邀请已生成（仅可使用一次，{formatDateTime(invitation.expiresAt)}前有效）。
        {link ? '请复制下面的链接发给对方，对方打开后即可加入。' : '请点右上角“…”转发给对方，或复制邀请码发给对方。'}
      </Text>
      {link && (
        <View className='room__invite-row'>
          <Text className='room__invite-value' id='room-invite-link' userSelect>{link}</Text>
          <Button size='small' fill='outline' type='primary' id='room-invite-copy-link' onClick={() => void platform.copyText(link)}>复制链接</Button>
        </View>
      )}
      <View className='room__invite-row'>
        <Text className='room__invite-value' id='room-invite-code' userSelect>邀请码：{invitation.token}</Text>
        <Button size='small' fill='outline' type='primary' id='room-invite-copy-code' onClick={() => void platform.copyText(invitation.token)}>复制邀请码</Button>
      </View>
    </View>
  )
}
