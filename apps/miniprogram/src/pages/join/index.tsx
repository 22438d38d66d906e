import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import {
  MEMBER_TYPE_LABELS, MEMBERSHIP_NOTE_MAX, MemberType, MembershipStatus, textLength, type CommunityView, type MembershipView,
} from '@jws/contracts'

import { api, errorMessage } from '../../api'
import NameSearch from '../../components/NameSearch'
import PagedList from '../../components/PagedList'
import { useAsync } from '../../hooks/useAsync'
import { usePaged } from '../../hooks/usePaged'
import { SUBSCRIBE_TEMPLATES } from '../../lib/config'
import { inviteCodeFromParams } from '../../lib/invite-code'
import { memberTypeLabel, membershipStatusLabel } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import { platform } from '../../platform'
import './index.scss'

const MEMBER_TYPES = Object.keys(MEMBER_TYPE_LABELS) as MemberType[]

function JoinByCode() {
  const router = useRouter()
  const [code, setCode] = useState(() => inviteCodeFromParams(router.params))
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState('')

  async function submit() {
    const trimmed = code.trim()
    if (!trimmed) {
      setError('请输入邀请码')
      return
    }
    setSubmitting(true)
    setError('')
    try {
      const membership = await api.joinByCode({ code: trimmed })
      const pending = membership?.status === MembershipStatus.Pending
      await Taro.showToast({ title: pending ? '已提交，待民警审核' : '已加入社区', icon: 'success' })
      // 首页 reloads on show and now shows the officer card.
      void Taro.switchTab({ url: ROUTES.home })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='card'>
      <Text className='card__title'>使用邀请码加入</Text>
      <Text className='muted'>邀请码由您的社区民警提供，也可以扫描民警出示的小程序码。</Text>
      <View className='join__input'>
        <Input
          id='join-code-input'
          value={code}
          placeholder='请输入民警提供的邀请码'
          maxLength={32}
          clearable
          onChange={(value) => {
            setCode(value)
            if (error) setError('')
          }}
          onConfirm={() => void submit()}
        />
      </View>
      {error && (
        <Text className='error-text' id='join-error'>
          {error}
        </Text>
      )}
      <Button block className='block-button' id='join-submit' type='primary' loading={submitting} disabled={submitting} onClick={() => void submit()}>
        加入社区
      </Button>
    </View>
  )
}

const DIRECTORY_PAGE_SIZE = 20

type OnRequested = (membership: MembershipView) => void

const NOTE_PLACEHOLDER = '如：胜利小区3栋2单元住户 张三'
const NOTE_TOO_LONG = `申请说明不能超过${MEMBERSHIP_NOTE_MAX}个字`

/** What is wrong with a 申请说明 before sending it (the server says the same), or ''. */
const noteProblem = (note: string): string => (textLength(note.trim()) > MEMBERSHIP_NOTE_MAX ? NOTE_TOO_LONG : '')

/**
 * 申请说明 (选填): who the person is, so the officer can tell (住址、姓名). Only the community's
 * officer and leaders read it.
 */
function NoteField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <Text className='join__label'>申请说明（选填）</Text>
      <View className='join__input' id={id}>
        <TextArea value={value} placeholder={NOTE_PLACEHOLDER} maxLength={MEMBERSHIP_NOTE_MAX} showCount autoSize onChange={onChange} />
      </View>
      <Text className='muted join__hint'>写明住址和姓名，便于民警核实；仅本社区民警和所领导可见。</Text>
    </>
  )
}

/**
 * Asks to join (also again after a refusal), with the 申请说明 (`note`; undefined keeps the
 * previous one). The tap first offers WeChat's subscribe prompt (it must come from a tap), so the
 * officer's decision can also reach the person outside the app.
 */
async function askToJoin(communityId: number, memberType: MemberType, note?: string): Promise<MembershipView> {
  await platform.requestSubscribe(SUBSCRIBE_TEMPLATES)
  return api.requestToJoin(communityId, memberType, note)
}

/**
 * 我的加入申请: requests waiting for the officer, and refused ones with the officer's reason and
 * 重新申请 (the same request, pending again), which opens the previous 申请说明 to add to (信息不全
 * is the usual reason). Shown only when there is one.
 */
function MyRequests({ memberships, onRequested }: { memberships: MembershipView[]; onRequested: OnRequested }) {
  const [busyId, setBusyId] = useState<number | null>(null)
  const [editing, setEditing] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const shown = memberships.filter((m) => m.status === MembershipStatus.Pending || m.status === MembershipStatus.Refused)
  if (shown.length === 0) return null
  const anyPending = shown.some((m) => m.status === MembershipStatus.Pending)

  function openAgain(m: MembershipView) {
    setError('')
    setNote(m.note ?? '')
    setEditing(editing === m.id ? null : m.id)
  }

  async function again(m: MembershipView) {
    const problem = noteProblem(note)
    if (problem) return setError(problem)
    setBusyId(m.id)
    setError('')
    try {
      onRequested(await askToJoin(m.communityId, m.memberType, note.trim()))
      setEditing(null)
      void Taro.showToast({ title: '已重新提交', icon: 'success' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusyId(null)
    }
  }

  return (
    <View className='card' id='join-requests'>
      <Text className='card__title'>我的加入申请</Text>
      {error && (
        <Text className='error-text' id='join-requests-error'>
          {error}
        </Text>
      )}
      {shown.map((m) => (
        <View key={m.id} id={`join-request-${m.id}`}>
          <View className='row list-item'>
            <View className='list-item__main'>
              <Text className='list-item__title'>{m.communityName}</Text>
              <Text className='list-item__meta'>{memberTypeLabel(m.memberType)}</Text>
              {m.note && (
                <Text className='list-item__meta join__note' id={`join-note-${m.id}`}>
                  申请说明：{m.note}
                </Text>
              )}
              {m.status === MembershipStatus.Refused && (
                <Text className='join__refusal' id={`join-refusal-${m.id}`}>
                  {m.refusalReason ? `未通过原因：${m.refusalReason}` : '未通过'}
                </Text>
              )}
            </View>
            {m.status === MembershipStatus.Refused ? (
              <Button
                id={`join-again-${m.id}`}
                type='primary'
                fill={editing === m.id ? 'solid' : 'outline'}
                disabled={busyId !== null}
                onClick={() => openAgain(m)}
              >
                重新申请
              </Button>
            ) : (
              <View id={`join-request-status-${m.id}`}>
                <Tag type='warning'>{membershipStatusLabel(m.status)}</Tag>
              </View>
            )}
          </View>
          {m.status === MembershipStatus.Refused && editing === m.id && (
            <View className='join__again' id={`join-again-panel-${m.id}`}>
              <NoteField
                id={`join-again-note-${m.id}`}
                value={note}
                onChange={(value) => {
                  setNote(value)
                  if (error) setError('')
                }}
              />
              <Button
                block
                className='block-button'
                id={`join-again-submit-${m.id}`}
                type='primary'
                loading={busyId === m.id}
                disabled={busyId !== null}
                onClick={() => void again(m)}
              >
                提交申请
              </Button>
            </View>
          )}
        </View>
      ))}
      {anyPending && (
        <Text className='muted' id='join-requests-hint'>
          民警审核后会在“消息”中通知您。
        </Text>
      )}
    </View>
  )
}

function JoinByRequest({ memberships, onRequested }: { memberships: MembershipView[]; onRequested: OnRequested }) {
  const [memberType, setMemberType] = useState<MemberType>(MemberType.Resident)
  const [note, setNote] = useState('')
  const [busyId, setBusyId] = useState<number | null>(null)
  const [error, setError] = useState('')
  const [search, setSearch] = useState('')
  // The person's own memberships mark communities already joined or asked for (a refused one may be asked again).
  const statuses = new Map(memberships.map((m) => [m.communityId, m.status]))
  // The city has hundreds of communities: a page at a time, found by community or station name.
  const directory = usePaged((page) => api.communityDirectory({ page, pageSize: DIRECTORY_PAGE_SIZE, q: search }), [search])

  async function request(community: CommunityView) {
    const problem = noteProblem(note)
    if (problem) return setError(problem)
    setBusyId(community.id)
    setError('')
    try {
      // Nothing written: asking again keeps the previous 申请说明.
      onRequested(await askToJoin(community.id, memberType, note.trim() || undefined))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusyId(null)
    }
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

/**
 * 加入社区: the person's pending and refused requests (opened from a refusal in 消息), an invite
 * code, or a community chosen from the directory.
 */
export default function JoinPage() {
  const [showDirectory, setShowDirectory] = useState(false)
  const mine = useAsync(() => api.myMemberships(), [], { reloadOnShow: true })
  const memberships = mine.data ?? []
  const remember = (membership: MembershipView) => mine.set([...memberships.filter((m) => m.id !== membership.id), membership])

  return (
    <View className='page'>
      <MyRequests memberships={memberships} onRequested={remember} />
      <JoinByCode />
      {showDirectory ? (
        <JoinByRequest memberships={memberships} onRequested={remember} />
      ) : (
        <Button block className='block-button link-button' id='join-directory-open' fill='none' onClick={() => setShowDirectory(true)}>
          没有邀请码？选择社区申请加入
        </Button>
      )}
    </View>
  )
}
