import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { DemoUser } from '@jws/contracts'

import { api, errorMessage } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { afterLoginUrl } from '../../lib/routes'
import { platform } from '../../platform'
import { loginAsDemoUser, loginWithWechat } from '../../session/auth'
import { useUser } from '../../session/store'
import './index.scss'

/**
 * After any login start over (no page keeps the previous account's data), at the page the person
 * was sent here from (`?redirect=`: a deep link, or where a visitor acted), else 首页.
 */
function enterApp() {
  const redirect = Taro.getCurrentInstance().router?.params.redirect
  void Taro.reLaunch({ url: afterLoginUrl(redirect) })
}

/** Mini program: silent wx.login, with a button to try again (or after a deliberate logout). */
function WechatLogin() {
  const router = useRouter()
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' })

  async function login() {
    setState({ busy: true, error: '' })
    try {
      await loginWithWechat()
      enterApp()
    } catch (e) {
      setState({ busy: false, error: errorMessage(e) })
    }
  }

  useEffect(() => {
    if (router.params.manual !== '1') void login()
    // Runs once when the page opens.
  }, [])

  return (
    <View className='card'>
      <Text className='card__title'>微信登录</Text>
      <Text className='muted'>使用微信身份登录“指尖上的警务室”，我们只保存您的登录标识。</Text>
      {state.error && (
        <Text className='error-text' id='login-error'>
          {state.error}
        </Text>
      )}
      <Button block className='block-button' id='wechat-login' type='primary' loading={state.busy} disabled={state.busy} onClick={() => void login()}>
        {state.busy ? '正在登录…' : '微信一键登录'}
      </Button>
    </View>
  )
}

/**
 * Browser preview and tests: pick one of the server's demo accounts. In the mini program it is
 * offered only when the server runs in demo mode (WeChat DevTools against `pnpm start`, whose
 * WeChat API is a local fake that cannot accept DevTools' real wx.login codes).
 */
function DemoLogin({ onlyIfAvailable = false }: { onlyIfAvailable?: boolean }) {
  const current = useUser()
  const users = useAsync(() => api.demoUsers(), [])
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState('')
  if (onlyIfAvailable && !users.data?.length) return null

  async function choose(user: DemoUser) {
    setBusy(user.username)
    setError('')
    try {
      await loginAsDemoUser(user.username)
      enterApp()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(null)
    }
  }

  return (
    <View className='card' id='demo-login'>
      <Text className='card__title'>选择演示账号</Text>
      <Text className='muted'>浏览器预览版使用演示账号登录；在微信小程序中会自动使用微信登录。</Text>
      {current && <Text className='muted login__current'>当前账号：{current.nickname}</Text>}
      {error && (
        <Text className='error-text' id='login-error'>
          {error}
        </Text>
      )}
      <View id='demo-user-list'>
        <AsyncContent state={users} errorId='demo-users-error'>
          {(list) =>
            list.length === 0 ? (
              <EmptyBlock title='没有可用的演示账号' />
            ) : (
              list.map((user) => (
                <Button
                  key={user.username}
                  block
                  className='block-button login__demo-user'
                  id={`demo-user-${user.username}`}
                  type={current?.username === user.username ? 'primary' : 'default'}
                  loading={busy === user.username}
                  disabled={busy !== null}
                  onClick={() => void choose(user)}
                >
                  {`${user.username}（${user.roleLabel}）`}
                </Button>
              ))
            )
          }
        </AsyncContent>
      </View>
    </View>
  )
}

export default function LoginPage() {
  return (
    <View className='page'>
      <View className='login__brand'>
        <Text className='login__title'>指尖上的警务室</Text>
        <Text className='login__subtitle'>社区民警在身边，有事随时找</Text>
      </View>
      {platform.loginMode === 'wechat' ? (
        <>
          <WechatLogin />
          <DemoLogin onlyIfAvailable />
        </>
      ) : (
        <DemoLogin />
      )}
    </View>
  )
}
