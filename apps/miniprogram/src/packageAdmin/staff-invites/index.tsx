import { useState } from 'react'
import { View } from '@tarojs/components'
import { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { Permission, type StaffInvitationView } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { usePaged } from '../../hooks/usePaged'
import { ROUTES } from '../../lib/routes'
import { loadMe } from '../../session/auth'
import { userCan } from '../../session/store'
import { CreatedInvite } from './parts/CreatedInvite'
import { InvitationList } from './parts/InvitationList'
import { InviteForm } from './parts/InviteForm'
import '../admin.scss'

/**
 * 人员邀请 (leaders and admins): invite a police officer, mediator or department staff member by a
 * one-time link, see the invitations of the jurisdiction with their status, and 撤销 an unused one.
 */
export default function StaffInvitesPage() {
  const state = useAsync(async () => {
    const user = await loadMe()
    return { user, units: userCan(user, Permission.StaffInvitationCreate) ? await api.orgTree() : [] }
  }, [])
  const list = usePaged((page) => api.staffInvitations(page), [])
  const [made, setMade] = useState<{ invitation: StaffInvitationView; name: string } | null>(null)
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  // 发送给对方 (mini program): the share card opens the claim page with the token.
  useShareAppMessage(() => ({
    title: '邀请您登记为指尖上的警务室工作人员',
    path: made ? `${ROUTES.staffClaim}?token=${encodeURIComponent(made.invitation.token)}` : ROUTES.home,
  }))

  return (
    <View className='page'>
      <AsyncContent state={state} errorId='staff-invites-error'>
        {({ user, units }) =>
          userCan(user, Permission.StaffInvitationCreate) ? (
            <>
              <InviteForm
                user={user}
                units={units}
                onCreated={(invitation, name) => {
                  setMade({ invitation, name })
                  void list.reload()
                }}
              />
              {made && <CreatedInvite made={made.invitation} name={made.name} />}
              <InvitationList list={list} />
            </>
          ) : (
            <EmptyBlock id='staff-invites-denied' title='只有派出所及以上领导和管理员可以邀请工作人员' />
          )
        }
      </AsyncContent>
    </View>
  )
}
