import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { api, errorMessage } from '../../../api'
import { useAsync } from '../../../hooks/useAsync'
import { formatDateTime } from '../../../lib/labels'

/**
 * 邀请居民加入: the codes that still let people in (newest first, so the officer sees what is live
 * after leaving the page), a new one on request, and 作废 for one shared too widely.
 */
export function InviteCard({ communityId }: { communityId: number }) {
  const live = useAsync(() => api.liveInvites(communityId), [communityId])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const codes = live.data ?? []

  async function create() {
    setBusy(true)
    setError('')
    try {
      const made = await api.createInvite(communityId)
      live.set([made, ...codes])
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  async function revoke(code: string) {
    const { confirm } = await Taro.showModal({
      title: '作废邀请码',
      content: `作废后，任何人都不能再用 ${code} 或它的小程序码加入本社区，不能恢复；已加入的居民不受影响。`,
      confirmText: '作废',
      cancelText: '保留',
    })
    if (!confirm) return
    setError('')
    try {
      live.set(await api.revokeInvite(communityId, code))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <View className='card' id='invite-card'>
      <Text className='card__title'>邀请居民加入</Text>
      {codes.length ? (
        codes.map((invite, i) => (
          <View key={invite.code} className='community__invite' id={`invite-${invite.code}`}>
            <View className='row community__invite-head'>
              <Text className='community__invite-code' id={i === 0 ? 'invite-code' : undefined} userSelect>
                {invite.code}
              </Text>
              <Button size='small' type='primary' id={i === 0 ? 'invite-copy' : `invite-copy-${invite.code}`} onClick={() => void Taro.setClipboardData({ data: invite.code })}>
                复制
              </Button>
            </View>
            {/* 作废 is rare and final: on its own line, away from 复制, as a grey text button. */}
            <View className='row community__invite-foot'>
              <Text className='muted'>有效期至 {formatDateTime(invite.expiresAt)}</Text>
              <Button size='small' fill='none' type='default' className='community__quiet' id={`invite-revoke-${invite.code}`} onClick={() => void revoke(invite.code)}>
                作废
              </Button>
            </View>
          </View>
        ))
      ) : (
        <Text className='muted' id='invite-none'>{live.data ? '目前没有可用的邀请码。生成后发给居民，居民在“加入社区”页输入即可加入。' : '加载中…'}</Text>
      )}
      {(error || live.error) && (
        <Text className='error-text' id='invite-error'>
          {error || errorMessage(live.error)}
        </Text>
      )}
      <Button block className='block-button' id='invite-create' fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void create()}>
        生成新邀请码
      </Button>
    </View>
  )
}
