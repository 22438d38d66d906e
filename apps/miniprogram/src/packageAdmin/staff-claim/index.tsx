import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type UserView } from '@jws/contracts'

import { api } from '../../api'
import { useSubmit } from '../../hooks/useSubmit'
import { ROUTES } from '../../lib/routes'
import { loadMe, signIn } from '../../session/auth'
import '../admin.scss'

/**
 * 领取邀请: the person invited opens the link (or types the 邀请口令) and confirms; their own account
 * becomes the staff member the invitation names, and 工作台 opens for them.
 */
export default function StaffClaimPage() {
  const fromLink = useRouter().params.token
  const [token, setToken] = useState(fromLink ? decodeURIComponent(fromLink) : '')
  const [enrolled, setEnrolled] = useState<UserView | null>(null)
  const { busy, error, setError, run } = useSubmit()

  async function claim() {
    if (!token.trim()) return setError('请输入邀请口令')
    // Signed in first (the mini program does it at launch; the browser build asks on the login page).
    const login = await run(async () => {
      await loadMe()
      return api.claimStaffInvitation(token.trim())
    })
    if (login) setEnrolled(signIn(login))
  }

  if (enrolled) {
    return (
      <View className='page'>
        <View className='card' id='staff-claim-done'>
          <Text className='card__title'>登记成功</Text>
          <Text id='staff-claim-role'>
            {enrolled.nickname}，您已登记为{ROLE_LABELS[enrolled.role]}{enrolled.orgUnitName ? `（${enrolled.orgUnitName}）` : ''}。
          </Text>
          <Button block className='block-button' id='staff-claim-workbench' type='primary' onClick={() => void Taro.reLaunch({ url: ROUTES.workbench })}>
            进入工作台
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='page'>
      <View className='card' id='staff-claim'>
        <Text className='card__title'>您收到一份工作人员邀请</Text>
        <Text className='muted'>确认后，您当前登录的微信账号将登记为邀请中的工作人员角色，并进入工作台。邀请只能使用一次，请确认是发给您本人的。</Text>
        <Text className='admin__label'>邀请口令</Text>
        <View className='admin__input' id='staff-claim-token'>
          <Input value={token} placeholder='粘贴邀请口令' maxLength={128} onChange={setToken} />
        </View>
        {error && <Text className='error-text' id='staff-claim-error'>{error}</Text>}
        <Button block className='block-button' id='staff-claim-submit' type='primary' loading={busy} disabled={busy} onClick={() => void claim()}>
          接受邀请
        </Button>
      </View>
    </View>
  )
}
