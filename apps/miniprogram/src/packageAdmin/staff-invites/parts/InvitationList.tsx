import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, STAFF_INVITATION_STATUS_LABELS, type StaffInvitationItem, type StaffInvitationStatus } from '@jws/contracts'

import { api } from '../../../api'
import PagedList from '../../../components/PagedList'
import { useSubmit } from '../../../hooks/useSubmit'
import type { PagedState } from '../../../hooks/usePaged'
import { formatDateTime } from '../../../lib/labels'

const TAG_TYPE: Record<StaffInvitationStatus, 'primary' | 'success' | 'default'> = { pending: 'primary', used: 'success', expired: 'default', revoked: 'default' }

function when(i: StaffInvitationItem): string {
  if (i.status === 'used' && i.usedAt) return `${formatDateTime(i.usedAt)} 已登记`
  if (i.status === 'revoked' && i.revokedAt) return `${formatDateTime(i.revokedAt)} 撤销`
  return `${formatDateTime(i.createdAt)} 发出 · ${formatDateTime(i.expiresAt)} ${i.status === 'expired' ? '已过期' : '前有效'}`
}

/** One invitation: who, as what, where, its status; an unused one can be revoked (a quiet button, confirmed). */
function InvitationRow({ item, onChanged }: { item: StaffInvitationItem; onChanged: (updated: StaffInvitationItem) => void }) {
  const { busy, error, run } = useSubmit()
  async function revoke() {
    const { confirm } = await Taro.showModal({
      title: '撤销邀请',
      content: `撤销后，发给${item.inviteeName}的邀请链接立即失效，对方不能再用它登记为${ROLE_LABELS[item.role]}，不能恢复；需要时可重新邀请。`,
      confirmText: '撤销邀请',
      cancelText: '保留',
    })
    if (!confirm) return
    const updated = await run(() => api.revokeStaffInvitation(item.id))
    if (updated) onChanged(updated)
  }
  return (
    <View className='list-item admin__invitation' id={`staff-invitation-${item.id}`}>
      <View className='row'>
        <Text className='list-item__title'>{item.inviteeName}</Text>
        <View id={`staff-invitation-status-${item.id}`}>
          <Tag type={TAG_TYPE[item.status]}>{STAFF_INVITATION_STATUS_LABELS[item.status]}</Tag>
        </View>
      </View>
      <Text className='list-item__meta'>{ROLE_LABELS[item.role]} · {item.orgUnitName}</Text>
      <View className='row'>
        <Text className='muted'>{when(item)}</Text>
        {item.status === 'pending' && (
          <Button size='small' fill='none' type='default' className='admin__quiet' id={`staff-invitation-revoke-${item.id}`} loading={busy} disabled={busy} onClick={() => void revoke()}>
            撤销
          </Button>
        )}
      </View>
      {error && <Text className='error-text' id={`staff-invitation-error-${item.id}`}>{error}</Text>}
    </View>
  )
}

/** 已发出的邀请 of the caller's jurisdiction, newest first. */
export function InvitationList({ list }: { list: PagedState<StaffInvitationItem> }) {
  return (
    <View className='card' id='staff-invitations'>
      <Text className='card__title'>已发出的邀请{list.items ? `（${list.total}）` : ''}</Text>
      <PagedList state={list} id='staff-invitation-list' moreId='staff-invitation-more' empty={{ title: '还没有发出邀请' }}>
        {(item) => (
          <InvitationRow key={item.id} item={item} onChanged={(u) => list.replace((x) => (x.id === u.id ? u : x))} />
        )}
      </PagedList>
    </View>
  )
}
