import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MEMBER_TYPE_LABELS, MemberType, MembershipStatus, type CommunityView, type MembershipView } from '@jws/contracts'

import { api } from '../../../api'
import NameSearch from '../../../components/NameSearch'
import PagedList from '../../../components/PagedList'
import { usePaged } from '../../../hooks/usePaged'
import { membershipStatusLabel } from '../../../lib/labels'
import { type OnRequested, NoteField, useAskToJoin } from './shared'

const MEMBER_TYPES = Object.keys(MEMBER_TYPE_LABELS) as MemberType[]
const DIRECTORY_PAGE_SIZE = 20
export function JoinByRequest({ memberships, onRequested }: { memberships: MembershipView[]; onRequested: OnRequested }) {
  const [memberType, setMemberType] = useState<MemberType>(MemberType.Resident)
  const [note, setNote] = useState('')
  const { busyId, error, setError, ask } = useAskToJoin(onRequested)
  const [search, setSearch] = useState('')
  // The person's own memberships mark communities already joined or asked for (a refused one may be asked again).
  const statuses = new Map(memberships.map((m) => [m.communityId, m.status]))
  // The city has hundreds of communities: a page at a time, found by community or station name.
  const directory = usePaged((page) => api.communityDirectory({ page, pageSize: DIRECTORY_PAGE_SIZE, q: search }), [search])

  async function request(community: CommunityView) {
    // Nothing written: asking again keeps the previous 申请说明.
    await ask(community.id, community.id, memberType, note.trim() || undefined)
  }

  function row(c: CommunityView) {
    const status = statuses.get(c.id)
    const decided = status === MembershipStatus.Active || status === MembershipStatus.Pending
    return (
      <View key={c.id} className='row list-item' id={`directory-${c.id}`}>
        <View className='list-item__main'>
          <Text className='list-item__title'>{c.name}</Text>
          <Text className='list-item__meta'>
            {c.stationName}
            {c.officer ? ` · 民警 ${c.officer.name}` : ''}
          </Text>
        </View>
        {status && decided ? (
          <View id={`directory-status-${c.id}`}>
            <Tag type={status === MembershipStatus.Active ? 'success' : 'warning'}>{membershipStatusLabel(status)}</Tag>
          </View>
        ) : (
          <Button
            id={`directory-join-${c.id}`}
            type='primary'
            fill='outline'
            loading={busyId === c.id}
            disabled={busyId !== null}
            onClick={() => void request(c)}
          >
            {status === MembershipStatus.Refused ? '重新申请' : '申请加入'}
          </Button>
        )}
      </View>
    )
  }

  return (
    <View className='card' id='directory'>
      <Text className='card__title'>选择社区申请加入</Text>
      <Text className='muted'>没有邀请码时，可选择所在社区提交申请，由社区民警审核。</Text>
      <Text className='join__label'>我的身份</Text>
      <View className='join__types' ariaRole='radiogroup'>
        {MEMBER_TYPES.map((type) => (
          <View
            key={type}
            id={`member-type-${type}`}
            className={`join__type${type === memberType ? ' join__type--active' : ''}`}
            ariaRole='radio'
            aria-checked={type === memberType ? 'true' : 'false'}
            ariaLabel={type === memberType ? `${MEMBER_TYPE_LABELS[type]}，已选中` : MEMBER_TYPE_LABELS[type]}
            onClick={() => setMemberType(type)}
          >
            <Text>{MEMBER_TYPE_LABELS[type]}</Text>
          </View>
        ))}
      </View>
      <NoteField
        id='join-note'
        value={note}
        onChange={(value) => {
          setNote(value)
          if (error) setError('')
        }}
      />
      {error && (
        <Text className='error-text' id='directory-error'>
          {error}
        </Text>
      )}
      <NameSearch id='search-directory' placeholder='输入社区或派出所名称' onSearch={setSearch} />
      <View id='directory-list'>
        <PagedList
          state={directory}
          id='list-directory'
          moreId='more-directory'
          empty={search ? { title: `没有找到“${search}”`, description: '换个说法试试，如社区名中的两个字或派出所名称' } : { title: '暂无可申请的社区' }}
        >
          {(c) => row(c)}
        </PagedList>
      </View>
    </View>
  )
}
