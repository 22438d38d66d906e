import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { type MemberView } from '@jws/contracts'

import { api, errorMessage } from '../../../api'
import PagedList from '../../../components/PagedList'
import { type PagedState } from '../../../hooks/usePaged'
import { MemberRow } from './MemberRow'
import { RefusePanel, isGone } from './RefusePanel'

/**
 * 待审核: 通过 is one tap; 拒绝 opens RefusePanel. A decided request leaves the list; one decided
 * meanwhile elsewhere says so (该申请已处理) and leaves it too.
 */
export function PendingRequests({ pending, canApprove, reveal, onDecided }: {
  pending: PagedState<MemberView>
  canApprove: boolean
  reveal?: { communityId: number }
  onDecided: () => Promise<void>
}) {
  const [approving, setApproving] = useState<number | null>(null)
  const [refusing, setRefusing] = useState<number | null>(null)
  const [error, setError] = useState('')

  async function approve(member: MemberView) {
    setApproving(member.membershipId)
    setError('')
    try {
      await api.approveMembership(member.membershipId)
      void Taro.showToast({ title: '已通过', icon: 'success' })
      setRefusing(null)
      await onDecided()
    } catch (e) {
      setError(errorMessage(e))
      if (isGone(e)) await onDecided()
    } finally {
      setApproving(null)
    }
  }

  function openRefusal(member: MemberView) {
    setError('')
    setRefusing(refusing === member.membershipId ? null : member.membershipId)
  }

  return (
    <View className='card' id='pending-list'>
      <Text className='card__title'>待审核{pending.items ? `（${pending.total}）` : ''}</Text>
      {error && (
        <Text className='error-text' id='decision-error'>
          {error}
        </Text>
      )}
      <PagedList state={pending} id='list-pending' moreId='more-pending' empty={{ title: '暂无待审核的入群申请' }}>
        {(m) => (
          <View key={m.membershipId} id={`pending-${m.membershipId}`}>
            <MemberRow member={m} reveal={reveal}>
              {canApprove && (
                <View className='community__decide'>
                  <Button
                    id={`approve-${m.membershipId}`}
                    type='primary'
                    disabled={approving !== null}
                    loading={approving === m.membershipId}
                    onClick={() => void approve(m)}
                  >
                    通过
                  </Button>
                  <Button
                    id={`refuse-${m.membershipId}`}
                    type='danger'
                    fill={refusing === m.membershipId ? 'solid' : 'outline'}
                    disabled={approving !== null}
                    onClick={() => openRefusal(m)}
                  >
                    拒绝
                  </Button>
                </View>
              )}
            </MemberRow>
            {canApprove && refusing === m.membershipId && (
              <RefusePanel
                member={m}
                onCancel={() => setRefusing(null)}
                onRefused={async () => {
                  setRefusing(null)
                  await onDecided()
                }}
                onGone={async (message) => {
                  setRefusing(null)
                  setError(message)
                  await onDecided()
                }}
              />
            )}
          </View>
        )}
      </PagedList>
    </View>
  )
}
