import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { type MemberView } from '@jws/contracts'

import { api } from '../../../api'
import { useSubmit } from '../../../hooks/useSubmit'

/** What naming a 信息员 means, said before the officer confirms it. */
const GRANT_TEXT = (name: string) =>
  `设为信息员后，${name}上报违法犯罪线索和异常情况时可以选择“信息员保密模式”：身份加密封存，办理民警也看不到，仅派出所领导说明理由后可查看。可以随时取消。`
const REVOKE_TEXT = (name: string) => `取消后，${name}不能再用信息员保密模式上报；已经上报的线索保密不变。`

/**
 * 设为信息员 / 取消信息员 of one active member (the responsible officer): a secondary button that
 * confirms what the flag means, then shows the member's new state.
 */
export function InformantAction({ member, onChanged }: { member: MemberView; onChanged: (updated: MemberView) => void }) {
  const { busy, error, run } = useSubmit()
  const granting = !member.isInformant

  async function toggle() {
    const { confirm } = await Taro.showModal({
      title: granting ? '设为信息员' : '取消信息员',
      content: granting ? GRANT_TEXT(member.nickname) : REVOKE_TEXT(member.nickname),
      // The mini program allows at most four characters on a dialog button.
      confirmText: granting ? '确认设置' : '确认取消',
      cancelText: '暂不',
    })
    if (!confirm) return
    const updated = await run(() => api.setInformant(member.userId, granting))
    if (!updated) return
    onChanged(updated)
    void Taro.showToast({ title: granting ? '已设为信息员' : '已取消信息员', icon: 'success' })
  }

  return (
    <View className='community__informant'>
      <Button
        size='small'
        fill='outline'
        type='default'
        id={`informant-${granting ? 'grant' : 'revoke'}-${member.membershipId}`}
        loading={busy}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {granting ? '设为信息员' : '取消信息员'}
      </Button>
      {error && <Text className='error-text' id={`informant-error-${member.membershipId}`}>{error}</Text>}
    </View>
  )
}
