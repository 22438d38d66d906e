import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { errorMessage } from '../../../api'
import { isApiError } from '../../../api/errors'
import { ROUTES } from '../../../lib/routes'

function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: ROUTES.mine })
}

/**
 * Joining with an invitation code failed (wrong, used, expired, or not for this person): the
 * server's message, another try at the code, and 返回; 重试 only when asking again can help (network, server busy).
 */
export default function InviteFailed({ error, code, onRetry }: { error: unknown; code: string; onRetry: () => void }) {
  return (
    <View className='status-block' id='room-invite-error'>
      <Text className='status-block__title'>无法进入调解室</Text>
      <Text className='status-block__error' id='room-invite-error-message'>{errorMessage(error)}</Text>
      {!(isApiError(error) && error.status >= 400 && error.status < 500) && (
        <Button className='status-block__action' type='primary' id='room-invite-retry' onClick={onRetry}>
          重试
        </Button>
      )}
      <Button
        className='status-block__action'
        type='primary'
        fill='outline'
        id='room-invite-recode'
        onClick={() => void Taro.redirectTo({ url: `${ROUTES.roomCode}?code=${encodeURIComponent(code)}` })}
      >
        重新输入邀请码
      </Button>
      <Button className='status-block__action' fill='outline' id='room-invite-back' onClick={goBack}>
        返回
      </Button>
    </View>
  )
}
