import { useState, type ComponentType } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CaseAction, CaseStatus, type CaseDetail } from '@jws/contracts'

import { api } from '../../../api'
import NoteInput from '../../../components/NoteInput'
import { REASON_REQUIRED_ACTIONS, caseActionLabel } from '../../../lib/case-labels'
import { ErrorLine, useCaseCall, type OnUpdated } from './shared'

export interface ChooserProps {
  c: CaseDetail
  value: number | null
  onChange: (id: number) => void
}

/** The pickers of the staff-only actions' targets: the report a duplicate repeats, the community to transfer to. */
export interface TargetChoosers {
  duplicate: ComponentType<ChooserProps>
  transfer: ComponentType<ChooserProps>
}

const isDanger = (a: CaseAction) => a === CaseAction.Reject || a === CaseAction.Reopen

function reasonLabel(action: CaseAction, reporter: boolean, needsReason: boolean): string {
  const who = reporter ? '民警' : '上报人'
  if (action === CaseAction.Resolve) return `办结说明（必填，${who}可见）`
  return needsReason ? `理由（必填，${who}可见）` : `说明（选填，${who}可见）`
}

function reasonPlaceholder(action: CaseAction, needsReason: boolean, reporter: boolean): string {
  if (action === CaseAction.Reopen) return '请说明哪里没有解决'
  if (action === CaseAction.Resolve) return '请写明办理结果，例如：已约谈双方，噪音已停止'
  if (needsReason) return '请填写理由'
  return reporter ? '可以写下您的意见' : '可填写办理说明'
}

/** Buttons from `allowedActions`; each opens a confirm step with the reason / note the action takes. */
export default function Actions({ c, onUpdated, reporter, choosers }: {
  c: CaseDetail
  onUpdated: OnUpdated
  reporter: boolean
  /** Given on the staff view, whose actions include 重复 and 转交. */
  choosers?: TargetChoosers
}) {
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
      call.setError(selected === CaseAction.Reopen ? '请说明需要重新办理的原因' : selected === CaseAction.Resolve ? '请填写办结说明' : '请填写理由')
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
  const DuplicateChooser = choosers?.duplicate
  const TransferChooser = choosers?.transfer

  return (
    <View className='card' id='case-actions'>
      <Text className='card__title'>{title}</Text>
      <View className='case__action-buttons'>
        {actions.map((a) => (
          <Button
            key={a}
            id={`case-action-${a}`}
            type={isDanger(a) ? 'danger' : 'primary'}
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
          {selected === CaseAction.MarkDuplicate && DuplicateChooser && <DuplicateChooser c={c} value={duplicateOf} onChange={setDuplicateOf} />}
          {selected === CaseAction.Transfer && TransferChooser && <TransferChooser c={c} value={transferTo} onChange={setTransferTo} />}
          <View className='case__field'>
            <Text className='case__label'>{reasonLabel(selected, reporter, needsReason)}</Text>
            <NoteInput id='case-reason' value={reason} onChange={setReason} placeholder={reasonPlaceholder(selected, needsReason, reporter)} />
          </View>
          <ErrorLine id='case-error' message={call.error} />
          <View className='case__panel-buttons'>
            <Button id='case-action-cancel' fill='outline' disabled={call.busy} onClick={() => setSelected(null)}>
              取消
            </Button>
            <Button
              id='case-action-confirm-submit'
              type={isDanger(selected) ? 'danger' : 'primary'}
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
