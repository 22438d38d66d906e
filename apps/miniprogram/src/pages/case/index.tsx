import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Rate, Tag } from '@nutui/nutui-react-taro'
import {
  CaseAction,
  CaseStatus,
  deadlineCountdown,
  Permission,
  TERMINAL_STATUSES,
  type CaseDetail,
  type UnsealView,
  type UserView,
} from '@jws/contracts'

import { api, errorMessage } from '../../api'
import AuthImage from '../../components/AuthImage'
import CaseReferrals from '../../components/CaseReferrals'
import GovernanceClassCard from '../../components/GovernanceClass'
import CaseMediation from '../../components/CaseMediation'
import Chips from '../../components/Chips'
import NameSearch from '../../components/NameSearch'
import NoteInput from '../../components/NoteInput'
import PhotoPicker, { uploadedIds, type PhotoItem } from '../../components/PhotoPicker'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import Toggle from '../../components/Toggle'
import UrgeForm from '../../components/UrgeForm'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { useNow } from '../../hooks/useNow'
import {
  ANONYMITY_LABELS,
  REASON_REQUIRED_ACTIONS,
  actorLabel,
  caseActionLabel,
  caseStatusLabel,
  caseStatusTag,
  contactPreferenceLabel,
  deadlineLabel,
  escalationLabel,
  kindAndSubcategory,
  timelineTitle,
} from '../../lib/case-labels'
import { displayPhone, formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import { platform } from '../../platform'
import { userCan } from '../../session/store'
import './index.scss'

type OnUpdated = (detail: CaseDetail) => void

function ErrorLine({ id, message }: { id: string; message: string }) {
  return message ? (
    <Text className='error-text' id={id}>
      {message}
    </Text>
  ) : null
}

/** Runs one call at a time with busy / error state; the CaseDetail it answers replaces the page's. */
function useCaseCall(onUpdated: OnUpdated) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  async function run(call: () => Promise<CaseDetail>, done?: string): Promise<boolean> {
    setBusy(true)
    setError('')
    try {
      const detail = await call()
      onUpdated(detail)
      if (done) void Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='case__row'>
      <Text className='case__row-label'>{label}</Text>
      <View className='case__row-value'>{children}</View>
    </View>
  )
}

function Header({ c, staff }: { c: CaseDetail; staff: boolean }) {
  return (
    <View className='card'>
      <View className='row'>
        <Text className='case__number' id='case-number' userSelect>
          {c.number}
        </Text>
        <View id='case-status'>
          <Tag type={caseStatusTag(c.status)}>{caseStatusLabel(c.status)}</Tag>
        </View>
      </View>
      <Text className='case__title'>{c.title}</Text>
      <View className='case__badges'>
        <Text className='case__kind' id='case-kind'>{kindAndSubcategory(c.kind, c.subcategory)}</Text>
        {c.overdue && (
          <View id='case-overdue'>
            <Tag type='danger'>逾期</Tag>
          </View>
        )}
        {staff && c.escalation > 0 && (
          <View id='case-escalation'>
            <Tag type='warning'>{escalationLabel(c.escalation)}</Tag>
          </View>
        )}
        {staff && c.seriousRisk && (
          <View id='case-serious-risk-badge'>
            <Tag type='danger'>严重现实危险</Tag>
          </View>
        )}
        {staff && c.heldForReview && (
          <View id='case-held'>
            <Tag type='warning'>内容待人工审核</Tag>
          </View>
        )}
      </View>
    </View>
  )
}

function Details({ c, staff }: { c: CaseDetail; staff: boolean }) {
  return (
    <View className='card'>
      <Text className='card__title'>上报内容</Text>
      <Text className='case__description' id='case-description' userSelect>
        {c.description}
      </Text>
      <View className='case__rows'>
        <Row label='所在社区'>
          <Text>{c.communityName}</Text>
        </Row>
        {c.addressText && (
          <Row label='具体位置'>
            <Text id='case-address'>{c.addressText}</Text>
          </Row>
        )}
        {c.latitude !== null && c.longitude !== null && (
          <Row label='地图位置'>
            {platform.openLocation ? (
              <Text className='case__link' onClick={() => void platform.openLocation?.(c.latitude as number, c.longitude as number, c.addressText ?? c.title)}>
                查看地图
              </Text>
            ) : (
              <Text>
                {c.latitude.toFixed(5)}, {c.longitude.toFixed(5)}
              </Text>
            )}
          </Row>
        )}
        {c.occurredAt && (
          <Row label='发生时间'>
            <Text>{formatDateTime(c.occurredAt)}</Text>
          </Row>
        )}
        <Row label='上报时间'>
          <Text>{formatDateTime(c.createdAt)}</Text>
        </Row>
        {c.otherParty && (
          <Row label='对方'>
            <Text>{c.otherParty}</Text>
          </Row>
        )}
        {staff && (
          <Row label='上报人'>
            <Text id='case-reporter'>
              {c.reporterLabel}
              {c.reporterPhone ? ` · ${displayPhone(c.reporterPhone)}` : ''}
            </Text>
          </Row>
        )}
        <Row label='联系方式'>
          <Text>{contactPreferenceLabel(c.contactPreference)}</Text>
        </Row>
        <Row label='匿名'>
          <Text>{ANONYMITY_LABELS[c.anonymity] ?? c.anonymity}</Text>
        </Row>
        <Row label='责任民警'>
          <Text>{c.officerName ?? '待分派'}</Text>
        </Row>
        {c.duplicateOfId !== null && (
          <Row label='重复于'>
            <Text className='case__link' onClick={() => void Taro.navigateTo({ url: caseUrl(c.duplicateOfId as number) })}>
              查看原上报
            </Text>
          </Row>
        )}
        {c.rating !== null && (
          <Row label='评价'>
            <Text id='case-rating'>
              {'★'.repeat(c.rating)}
              {'☆'.repeat(Math.max(0, 5 - c.rating))}
              {c.ratingComment ? ` ${c.ratingComment}` : ''}
            </Text>
          </Row>
        )}
      </View>
    </View>
  )
}

function Photos({ c }: { c: CaseDetail }) {
  if (c.photos.length === 0) return null
  return (
    <View className='card'>
      <Text className='card__title'>图片（{c.photos.length}）</Text>
      <View className='case__photos' id='case-photos'>
        {c.photos.map((p) => (
          <View key={p.id} className='case__photo' id={`case-photo-${p.id}`}>
            <AuthImage url={p.url} onClick={(path) => void Taro.previewImage({ urls: [path], current: path })} />
          </View>
        ))}
      </View>
    </View>
  )
}

function Deadlines({ c }: { c: CaseDetail }) {
  const now = useNow()
  if (c.deadlines.length === 0) return null
  return (
    <View className='card' id='case-deadlines'>
      <Text className='card__title'>办理时限</Text>
      {c.deadlines.map((d) => (
        <View key={d.kind} className='row list-item'>
          <View className='list-item__main'>
            <Text className='list-item__title'>{deadlineLabel(d.kind)}</Text>
            <Text className='list-item__meta'>
              截止 {formatDateTime(d.dueAt)}
              {d.metAt ? ` · 已于 ${formatDateTime(d.metAt)} 完成` : `（${deadlineCountdown(d.dueAt, now)}）`}
              {d.escalation > 0 ? ` · ${escalationLabel(d.escalation)}` : ''}
            </Text>
          </View>
          {d.overdue ? <Tag type='danger'>逾期</Tag> : d.metAt ? <Tag type='success'>按时</Tag> : <Tag type='primary'>进行中</Tag>}
        </View>
      ))}
    </View>
  )
}

/** Other open reports of the community, to say which one this repeats. */
function DuplicateChooser({ c, value, onChange }: { c: CaseDetail; value: number | null; onChange: (id: number) => void }) {
  const candidates = useAsync(async () => (await api.caseQueue({ communityId: c.communityId, pageSize: 20 })).items.filter((x) => x.id !== c.id), [c.id])
  return (
    <View className='case__field'>
      <Text className='case__label'>与哪条上报重复</Text>
      <AsyncContent state={candidates}>
        {(items) =>
          items.length === 0 ? (
            <Text className='muted'>本社区暂无其他未办结的上报</Text>
          ) : (
            <View className='case__choices' id='case-duplicate-list'>
              {items.map((x) => (
                <View
                  key={x.id}
                  id={`case-duplicate-${x.id}`}
                  className={`case__choice${value === x.id ? ' case__choice--active' : ''}`}
                  onClick={() => onChange(x.id)}
                >
                  <Text className='list-item__title'>{x.title}</Text>
                  <Text className='list-item__meta'>
                    {x.number} · {caseStatusLabel(x.status)}
                  </Text>
                </View>
              ))}
            </View>
          )
        }
      </AsyncContent>
    </View>
  )
}

const TRANSFER_CHOICES = 30

/** Communities in the caller's scope, to transfer the report to; found by name where there are many. */
function TransferChooser({ c, value, onChange }: { c: CaseDetail; value: number | null; onChange: (id: number) => void }) {
  const [search, setSearch] = useState('')
  const communities = useAsync(async () => {
    const found = await api.workbenchCommunities({ pageSize: TRANSFER_CHOICES, q: search })
    return { items: found.items.filter((x) => x.id !== c.communityId), more: found.total > TRANSFER_CHOICES }
  }, [c.communityId, search])
  return (
    <View className='case__field'>
      <Text className='case__label'>转交到哪个社区</Text>
      {(search || communities.data?.more) && (
        <NameSearch id='case-transfer-search' placeholder='输入社区或派出所名称查找' onSearch={setSearch} />
      )}
      <AsyncContent state={communities}>
        {({ items }) =>
          items.length === 0 ? (
            <Text className='muted'>{search ? `没有名称含“${search}”的其他社区` : '辖区内没有其他社区'}</Text>
          ) : (
            <Chips
              id='case-transfer-list'
              options={items.map((x) => ({ value: x.id, label: x.name, id: `case-transfer-${x.id}` }))}
              value={value}
              onChange={onChange}
            />
          )
        }
      </AsyncContent>
    </View>
  )
}

/** Buttons from `allowedActions`; each opens a confirm step with the reason / note the action takes. */
function Actions({ c, onUpdated, reporter }: { c: CaseDetail; onUpdated: OnUpdated; reporter: boolean }) {
  const [selected, setSelected] = useState<CaseAction | null>(null)
  const [reason, setReason] = useState('')
  const [duplicateOf, setDuplicateOf] = useState<number | null>(null)
  const [transferTo, setTransferTo] = useState<number | null>(null)
  const call = useCaseCall(onUpdated)

  const actions = [...c.allowedActions]
  if (c.canConfirm && !actions.includes(CaseAction.Confirm)) actions.unshift(CaseAction.Confirm)
  if (actions.length === 0) return null
  // 确认办结 is already a confirmation: not 确认确认办结.
  const label = selected ? caseActionLabel(selected) : ''
  const confirmTitle = label.startsWith('确认') ? label : `确认${label}`

  function choose(action: CaseAction) {
    setSelected(action)
    setReason('')
    setDuplicateOf(null)
    setTransferTo(null)
    call.setError('')
  }

  async function submit() {
    if (!selected) return
    const note = reason.trim()
    if (selected === CaseAction.MarkDuplicate && duplicateOf === null) {
      call.setError('请选择原上报')
      return
    }
    if (selected === CaseAction.Transfer && transferTo === null) {
      call.setError('请选择转交的社区')
      return
    }
    if (REASON_REQUIRED_ACTIONS.includes(selected) && !note) {
      call.setError(selected === CaseAction.Reopen ? '请说明需要重新办理的原因' : '请填写理由')
      return
    }
    const ok = await call.run(
      () =>
        api.caseAction(c.id, {
          action: selected,
          ...(note ? { note } : {}),
          ...(selected === CaseAction.MarkDuplicate && duplicateOf !== null ? { duplicateOfId: duplicateOf } : {}),
          ...(selected === CaseAction.Transfer && transferTo !== null ? { transferToCommunityId: transferTo } : {}),
        }),
      `已${caseActionLabel(selected)}`,
    )
    if (ok) setSelected(null)
  }

  const needsReason = selected !== null && REASON_REQUIRED_ACTIONS.includes(selected)
  const title = reporter && c.status === CaseStatus.Resolved ? '民警已办结，请确认办理结果' : '办理'

  return (
    <View className='card' id='case-actions'>
      <Text className='card__title'>{title}</Text>
      <View className='case__action-buttons'>
        {actions.map((a) => (
          <Button
            key={a}
            id={`case-action-${a}`}
            type={a === CaseAction.Reject || a === CaseAction.Reopen ? 'danger' : 'primary'}
            fill={selected === a ? 'solid' : 'outline'}
            disabled={call.busy}
            onClick={() => choose(a)}
          >
            {caseActionLabel(a)}
          </Button>
        ))}
      </View>
      {selected && (
        <View className='case__panel' id='case-action-panel'>
          <Text className='case__panel-title'>{confirmTitle}</Text>
          {selected === CaseAction.MarkDuplicate && <DuplicateChooser c={c} value={duplicateOf} onChange={setDuplicateOf} />}
          {selected === CaseAction.Transfer && <TransferChooser c={c} value={transferTo} onChange={setTransferTo} />}
          <View className='case__field'>
            <Text className='case__label'>
              {reporter ? (needsReason ? '理由（必填，民警可见）' : '说明（选填，民警可见）') : needsReason ? '理由（必填，上报人可见）' : '说明（选填，上报人可见）'}
            </Text>
            <NoteInput
              id='case-reason'
              value={reason}
              onChange={setReason}
              placeholder={selected === CaseAction.Reopen ? '请说明哪里没有解决' : needsReason ? '请填写理由' : reporter ? '可以写下您的意见' : '可填写办理说明'}
            />
          </View>
          <ErrorLine id='case-error' message={call.error} />
          <View className='case__panel-buttons'>
            <Button id='case-action-cancel' fill='outline' disabled={call.busy} onClick={() => setSelected(null)}>
              取消
            </Button>
            <Button
              id='case-action-confirm-submit'
              type={selected === CaseAction.Reject || selected === CaseAction.Reopen ? 'danger' : 'primary'}
              loading={call.busy}
              disabled={call.busy}
              onClick={() => void submit()}
            >
              {confirmTitle}
            </Button>
          </View>
        </View>
      )}
      {!selected && <ErrorLine id='case-error' message={call.error} />}
    </View>
  )
}

const RATING_WORDS = ['很不满意', '不满意', '一般', '满意', '非常满意'] as const

function RateCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const call = useCaseCall(onUpdated)

  async function submit() {
    if (rating < 1 || rating > 5) {
      call.setError('请先点击星星评分')
      return
    }
    const text = comment.trim()
    await call.run(() => api.rateCase(c.id, { rating, ...(text ? { comment: text } : {}) }), '感谢您的评价')
  }

  return (
    <View className='card' id='case-rate-card'>
      <Text className='card__title'>评价本次办理</Text>
      <View id='case-rate' className='case__rate'>
        <Rate value={rating} count={5} onChange={(v) => setRating(v)} />
      </View>
      <Text className='case__rate-text'>{rating > 0 ? RATING_WORDS[rating - 1] : '点击星星评分'}</Text>
      <NoteInput id='case-rate-comment' value={comment} onChange={setComment} placeholder='说说您的感受（选填）' maxLength={200} />
      <ErrorLine id='case-rate-error' message={call.error} />
      <Button block className='block-button' id='case-rate-submit' type='primary' loading={call.busy} disabled={call.busy} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  )
}

function InfoCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const call = useCaseCall(onUpdated)
  const room = Math.max(0, 9 - c.photos.length)

  async function submit() {
    const text = note.trim()
    const ids = uploadedIds(photos)
    if (ids === null) {
      call.setError(photos.some((p) => p.uploading) ? '图片正在上传，请稍候' : '有图片上传失败，请重试或删除')
      return
    }
    if (!text && ids.length === 0) {
      call.setError('请填写补充内容或添加图片')
      return
    }
    const ok = await call.run(() => api.caseInfo(c.id, { ...(text ? { note: text } : {}), ...(ids.length ? { photoIds: ids } : {}) }), '已补充')
    if (ok) {
      setNote('')
      setPhotos([])
    }
  }

  return (
    <View className='card' id='case-info-card'>
      <Text className='card__title'>补充信息</Text>
      <NoteInput id='case-info-note' value={note} onChange={setNote} placeholder='有新情况？补充说明给办理民警' />
      {room > 0 && (
        <View className='case__field'>
          <PhotoPicker idPrefix='case-info' photos={photos} onChange={setPhotos} max={room} disabled={call.busy} />
        </View>
      )}
      <ErrorLine id='case-info-error' message={call.error} />
      <Button block className='block-button' id='case-info-submit' type='primary' fill='outline' loading={call.busy} disabled={call.busy} onClick={() => void submit()}>
        提交补充信息
      </Button>
    </View>
  )
}

function NoteCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [note, setNote] = useState('')
  // Internal by default: a note about a visit can name neighbours or other parties; sharing it with
  // the reporter is a choice the officer makes.
  const [internal, setInternal] = useState(true)
  const call = useCaseCall(onUpdated)

  async function submit() {
    const text = note.trim()
    if (!text) {
      call.setError('请填写记录内容')
      return
    }
    if (await call.run(() => api.caseNote(c.id, { note: text, internal }), internal ? '已添加内部备注' : '已添加记录')) setNote('')
  }

  return (
    <View className='card' id='case-note-card'>
      <Text className='card__title'>办理记录</Text>
      <NoteInput id='case-note' value={note} onChange={setNote} placeholder='记录走访、调解、处置情况' />
      <Toggle
        id='case-note-internal'
        title='仅内部可见'
        description={internal ? '上报人看不到这条记录' : '上报人可以看到这条记录'}
        checked={internal}
        onChange={setInternal}
      />
      <ErrorLine id='case-note-error' message={call.error} />
      <Button block className='block-button' id='case-note-submit' type='primary' fill='outline' loading={call.busy} disabled={call.busy} onClick={() => void submit()}>
        添加记录
      </Button>
    </View>
  )
}

/** A button that opens a required-text step (serious-risk flag, unseal). */
function ReasonStep({ id, label, title, placeholder, danger, busy, error, onSubmit, onOpen, children }: {
  id: string
  label: string
  title: string
  placeholder: string
  danger?: boolean
  busy: boolean
  error: string
  onSubmit: (text: string) => Promise<boolean>
  onOpen: () => void
  children?: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  return (
    <View className='case__step'>
      {!open ? (
        <Button
          block className='block-button' id={id} type={danger ? 'danger' : 'primary'} fill='outline'
          onClick={() => {
            onOpen()
            setOpen(true)
          }}
        >
          {label}
        </Button>
      ) : (
        <View className='case__panel'>
          <Text className='case__panel-title'>{title}</Text>
          {children}
          <NoteInput id={`${id}-note`} value={text} onChange={setText} placeholder={placeholder} />
          <ErrorLine id={`${id}-error`} message={error} />
          <View className='case__panel-buttons'>
            <Button fill='outline' disabled={busy} onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button
              id={`${id}-submit`} type={danger ? 'danger' : 'primary'} loading={busy} disabled={busy}
              onClick={() => void onSubmit(text.trim()).then((ok) => {
                if (ok) {
                  setOpen(false)
                  setText('')
                }
              })}
            >
              确认
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

function StaffTools({ c, user, onUpdated }: { c: CaseDetail; user: UserView | null; onUpdated: OnUpdated }) {
  const risk = useCaseCall(onUpdated)
  const review = useCaseCall(onUpdated)
  const [unsealBusy, setUnsealBusy] = useState(false)
  const [unsealError, setUnsealError] = useState('')
  const [identity, setIdentity] = useState<UnsealView | null>(null)

  const canFlag = c.canFlagSeriousRisk && !c.seriousRisk
  const canClear = c.heldForReview && userCan(user, Permission.CaseHandle)
  if (!canFlag && !canClear && !c.canUnseal) return null

  async function flag(note: string) {
    if (!note) {
      risk.setError('请说明危险情况')
      return false
    }
    return risk.run(() => api.flagSeriousRisk(c.id, note), '已标记并上报')
  }

  async function unseal(reason: string) {
    if (!reason) {
      setUnsealError('请填写查看理由')
      return false
    }
    setUnsealBusy(true)
    setUnsealError('')
    try {
      setIdentity(await api.unseal(c.id, reason))
      return true
    } catch (e) {
      setUnsealError(errorMessage(e))
      return false
    } finally {
      setUnsealBusy(false)
    }
  }

  return (
    <View className='card' id='case-staff-tools'>
      <Text className='card__title'>其他处置</Text>
      {canClear && (
        <View className='case__step'>
          <Text className='muted'>该上报内容未通过自动安全检查，已暂缓推送。请人工核对后放行。</Text>
          <ErrorLine id='case-review-clear-error' message={review.error} />
          <Button
            block className='block-button' id='case-review-clear' type='primary' loading={review.busy} disabled={review.busy}
            onClick={() => void review.run(() => api.clearReview(c.id), '已审核通过')}
          >
            审核通过
          </Button>
        </View>
      )}
      {canFlag && (
        <ReasonStep
          id='case-serious-risk'
          label='标记严重现实危险'
          title='标记后将立即报告派出所领导和政法委、综治中心'
          placeholder='请说明危险的人员或事项（必填）'
          danger
          busy={risk.busy}
          error={risk.error}
          onOpen={() => risk.setError('')}
          onSubmit={flag}
        />
      )}
      {c.canUnseal && (
        <ReasonStep
          id='case-unseal'
          label='查看信息员身份'
          title='查看保密身份将被记录审计，请写明理由'
          placeholder='查看理由（必填）'
          busy={unsealBusy}
          error={unsealError}
          onOpen={() => setUnsealError('')}
          onSubmit={unseal}
        />
      )}
      {identity && (
        <View className='case__dialog-mask'>
          <View className='case__dialog' id='case-unseal-result'>
            <Text className='card__title'>信息员身份</Text>
            <Text className='case__dialog-line'>姓名：{identity.reporterName}</Text>
            <Text className='case__dialog-line'>电话：{identity.reporterPhone ?? '未登记'}</Text>
            <Text className='muted'>本次查看已记录。请严格保密，不得向他人透露。</Text>
            <Button block className='block-button' id='case-unseal-close' type='primary' onClick={() => setIdentity(null)}>
              关闭
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

/** 催办 for leaders: an instruction to the responsible officer (the server allows one per case every 10 minutes). */
function UrgeCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='card' id='case-urge-card'>
      <Text className='card__title'>督办催办</Text>
      <Text className='muted'>
        {c.escalation > 0 ? `该上报已升级为${escalationLabel(c.escalation)}。` : ''}
        {c.officerName ? `向责任民警${c.officerName}发出催办要求，民警立即收到消息。` : '社区暂无责任民警，催办将通知派出所领导安排。'}
      </Text>
      {open ? (
        <UrgeForm
          caseId={c.id}
          idPrefix='case-urge'
          onCancel={() => setOpen(false)}
          onDone={(detail) => {
            setOpen(false)
            onUpdated(detail)
          }}
        />
      ) : (
        <Button block className='block-button' id='case-urge' type='primary' fill='outline' onClick={() => setOpen(true)}>
          催办
        </Button>
      )}
    </View>
  )
}

function Timeline({ c }: { c: CaseDetail }) {
  // Newest first: the latest step is what people come to see.
  const events = [...c.timeline].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))
  return (
    <View className='card' id='case-timeline'>
      <Text className='card__title'>办理进度（最新在上）</Text>
      {events.length === 0 ? (
        <Text className='muted'>暂无记录</Text>
      ) : (
        events.map((e) => (
          <View key={e.id} className='case__event' id={`timeline-${e.id}`}>
            <View className='case__event-dot' />
            <View className='case__event-body'>
              <View className='case__event-head'>
                <Text className='case__event-title'>{timelineTitle(e)}</Text>
                {!e.public && <Tag type='warning'>仅内部</Tag>}
              </View>
              <Text className='case__event-meta'>
                {formatDateTime(e.at)} · {actorLabel(e.actorLabel)}
              </Text>
              {e.note && <Text className='case__event-note'>{e.note}</Text>}
            </View>
          </View>
        ))
      )}
    </View>
  )
}

function CaseView({ c, user, onUpdated }: { c: CaseDetail; user: UserView | null; onUpdated: OnUpdated }) {
  const staff = userCan(user, Permission.CaseRead)
  // Residents only ever see their own reports.
  const reporter = !staff && userCan(user, Permission.CaseReport)
  const terminal = TERMINAL_STATUSES.includes(c.status)

  return (
    <>
      <Header c={c} staff={staff} />
      <Actions c={c} onUpdated={onUpdated} reporter={reporter} />
      <CaseReferrals c={c} staff={staff} />
      <CaseMediation c={c} user={user} reporter={reporter} onUpdated={onUpdated} />
      {reporter && c.status === CaseStatus.Closed && c.rating === null && <RateCard c={c} onUpdated={onUpdated} />}
      <Details c={c} staff={staff} />
      <Photos c={c} />
      {staff && <Deadlines c={c} />}
      {staff && c.canUrge && <UrgeCard c={c} onUpdated={onUpdated} />}
      {staff && <GovernanceClassCard c={c} />}
      {staff && c.canAddNote && <NoteCard c={c} onUpdated={onUpdated} />}
      {staff && <StaffTools c={c} user={user} onUpdated={onUpdated} />}
      {reporter && !terminal && <InfoCard c={c} onUpdated={onUpdated} />}
      <Timeline c={c} />
    </>
  )
}

/** One report: what was reported, its progress, and what the caller may do now. */
export default function CasePage() {
  const router = useRouter()
  const caseId = Number(router.params.id)
  const validId = Number.isInteger(caseId) && caseId > 0
  const { user } = useMe()
  const state = useAsync(async () => (validId ? api.caseDetail(caseId) : null), [caseId], { reloadOnShow: true })

  if (!validId) {
    return (
      <View className='page'>
        <EmptyBlock id='case-missing' title='未找到该上报' />
      </View>
    )
  }

  return (
    <View className='page'>
      <AsyncContent state={state} errorId='case-load-error'>
        {(c) => (c ? <CaseView c={c} user={user} onUpdated={state.set} /> : <EmptyBlock title='未找到该上报' />)}
      </AsyncContent>
    </View>
  )
}
