import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import {
  REFERRAL_TARGET_KIND_LABELS, REFERRAL_TARGET_NAME_MAX, REFERRAL_TARGET_PHONE_MAX, ReferralTargetKind,
  type DepartmentStaffOption, type ReferralTargetAdminPage, type ReferralTargetAdminView,
} from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import '../referral.scss'
import './index.scss'

const toast = (title: string) => void Taro.showToast({ title, icon: 'success' })

/** Kinds an admin adds: 12345 is the one fixed target. */
const ADDABLE_KINDS = [ReferralTargetKind.PoliceDepartment, ReferralTargetKind.GovernmentDepartment]

/** A row of tappable choices; `selected` holds the chosen values (one or several). */
function Chips<T extends string | number>({ id, options, selected, onToggle }: {
  id: string
  options: { value: T; label: string }[]
  selected: readonly T[]
  onToggle: (value: T) => void
}) {
  return (
    <View className='targets__chips' id={id}>
      {options.map((o) => {
        const on = selected.includes(o.value)
        return (
          <View key={String(o.value)} id={`${id}-${o.value}`} className={`targets__chip${on ? ' targets__chip--on' : ''}`} onClick={() => onToggle(o.value)}>
            <Text>{o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

const staffChoices = (staff: DepartmentStaffOption[]) => staff.map((s) => ({ value: s.id, label: s.orgUnitName ? `${s.nickname}（${s.orgUnitName}）` : s.nickname }))
const toggled = (ids: number[], id: number) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])

/** Name, phone and staff: the fields an existing target's form and the new one share. */
function TargetFields({ prefix, name, phone, staffIds, staffOptions, setName, setPhone, setStaffIds }: {
  prefix: string
  name: string
  phone: string
  staffIds: number[]
  staffOptions: DepartmentStaffOption[]
  setName: (v: string) => void
  setPhone: (v: string) => void
  setStaffIds: (v: number[]) => void
}) {
  return (
    <>
      <Text className='referral__label'>名称</Text>
      <View className='referral__input' id={`${prefix}-name`}>
        <Input value={name} placeholder='如：蚌山分局治安大队' maxLength={REFERRAL_TARGET_NAME_MAX} onChange={setName} />
      </View>
      <Text className='referral__label'>联系电话（选填）</Text>
      <View className='referral__input' id={`${prefix}-phone`}>
        <Input value={phone} placeholder='如：0552-2012133' maxLength={REFERRAL_TARGET_PHONE_MAX} onChange={setPhone} />
      </View>
      <Text className='referral__label'>经办人员（签收、回复转办）</Text>
      {staffOptions.length === 0 ? (
        <Text className='muted'>还没有警种部门人员账号，可先邀请后再指定。</Text>
      ) : (
        <Chips id={`${prefix}-staff`} options={staffChoices(staffOptions)} selected={staffIds} onToggle={(id) => setStaffIds(toggled(staffIds, id))} />
      )}
    </>
  )
}

/** One target: what officers see of it, its staff and open referrals; edit, retire or restore (12345 is fixed). */
function TargetCard({ target, staffOptions, onChanged }: { target: ReferralTargetAdminView; staffOptions: DepartmentStaffOption[]; onChanged: () => void }) {
  const fixed = target.kind === ReferralTargetKind.Hotline12345
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(target.name)
  const [phone, setPhone] = useState(target.phone ?? '')
  const [staffIds, setStaffIds] = useState(target.staff.map((s) => s.id))
  const { busy, error, setError, run } = useSubmit()
  const prefix = `target-edit-${target.id}`

  async function save() {
    if (!name.trim()) return setError('请填写转办对象名称')
    const saved = await run(() => api.updateReferralTarget(target.id, { name: name.trim(), phone: phone.trim(), staffUserIds: staffIds }))
    if (!saved) return
    setEditing(false)
    toast('已保存')
    onChanged()
  }

  async function setActive(active: boolean) {
    if (!active) {
      const { confirm } = await Taro.showModal({
        title: '停用转办对象',
        content: `停用后民警不能再转办到“${target.name}”，已转办的${target.openReferrals ? ` ${target.openReferrals} 件` : ''}仍由其经办人员办理。确定停用吗？`,
        confirmText: '停用',
      })
      if (!confirm) return
    }
    const changed = await run(() => api.setReferralTargetActive(target.id, active))
    if (!changed) return
    toast(active ? '已恢复' : '已停用')
    onChanged()
  }

  return (
    <View className={`card${target.active ? '' : ' targets__card--retired'}`} id={`target-${target.id}`}>
      <View className='row targets__head'>
        <Text className='card__title'>{target.name}</Text>
        <View className='row targets__tags'>
          <Tag type='primary'>{REFERRAL_TARGET_KIND_LABELS[target.kind]}</Tag>
          {!target.active && <Tag type='default'>已停用</Tag>}
        </View>
      </View>
      <Text className='muted targets__fact'>
        {target.orgUnitName ?? '全市'}
        {target.phone ? ` · ${target.phone}` : ''}
      </Text>
      {!fixed && (
        <Text className='targets__fact' id={`target-staff-${target.id}`}>
          经办人员：{target.staff.length ? target.staff.map((s) => s.nickname).join('、') : '未指定'}
        </Text>
      )}
      <Text className='muted targets__fact' id={`target-open-${target.id}`}>未办结转办 {target.openReferrals} 件</Text>
      {fixed && <Text className='muted targets__fact'>固定的转办对象，工单经12345接口送达，不能修改或停用。</Text>}
      {error && <Text className='error-text' id={`target-error-${target.id}`}>{error}</Text>}
      {!fixed && editing && (
        <View className='targets__form' id={prefix}>
          <TargetFields {...{ prefix, name, phone, staffIds, staffOptions, setName, setPhone, setStaffIds }} />
          <View className='row targets__actions'>
            <Button className='targets__action' fill='outline' onClick={() => setEditing(false)}>
              收起
            </Button>
            <Button className='targets__action' id={`${prefix}-save`} type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
              保存
            </Button>
          </View>
        </View>
      )}
      {!fixed && !editing && (
        <View className='row targets__actions'>
          {target.active && (
            <Button className='targets__action' id={`target-edit-open-${target.id}`} fill='outline' type='primary' onClick={() => setEditing(true)}>
              编辑
            </Button>
          )}
          <Button
            className='targets__action'
            id={`target-${target.active ? 'retire' : 'restore'}-${target.id}`}
            fill='outline'
            type={target.active ? 'danger' : 'primary'}
            disabled={busy}
            onClick={() => void setActive(!target.active)}
          >
            {target.active ? '停用' : '恢复'}
          </Button>
        </View>
      )}
    </View>
  )
}

/** 新增转办对象: what was typed stays when the server refuses it. */
function NewTargetForm({ page, onCreated }: { page: ReferralTargetAdminPage; onCreated: () => void }) {
  const [kind, setKind] = useState<ReferralTargetKind | null>(null)
  const [orgUnitId, setOrgUnitId] = useState<number | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [staffIds, setStaffIds] = useState<number[]>([])
  const { busy, error, setError, run } = useSubmit()

  async function submit() {
    if (!kind) return setError('请选择类型')
    if (!name.trim()) return setError('请填写转办对象名称')
    const created = await run(() =>
      api.createReferralTarget({ kind, name: name.trim(), phone: phone.trim() || undefined, orgUnitId: orgUnitId ?? undefined, staffUserIds: staffIds }),
    )
    if (!created) return
    setKind(null)
    setOrgUnitId(null)
    setName('')
    setPhone('')
    setStaffIds([])
    toast('已新增')
    onCreated()
  }

  return (
    <View className='card' id='target-new'>
      <Text className='card__title'>新增转办对象</Text>
      <Text className='referral__label'>类型</Text>
      <Chips id='target-new-kind' options={ADDABLE_KINDS.map((k) => ({ value: k, label: REFERRAL_TARGET_KIND_LABELS[k] }))} selected={kind ? [kind] : []} onToggle={setKind} />
      <Text className='referral__label'>所属单位</Text>
      <Chips
        id='target-new-unit'
        options={page.orgUnitOptions.map((u) => ({ value: u.id, label: u.name }))}
        selected={orgUnitId ? [orgUnitId] : []}
        onToggle={(id) => setOrgUnitId(orgUnitId === id ? null : id)}
      />
      <TargetFields {...{ prefix: 'target-new', name, phone, staffIds, staffOptions: page.staffOptions, setName, setPhone, setStaffIds }} />
      {error && <Text className='error-text' id='target-new-error'>{error}</Text>}
      <Button block className='block-button' id='target-new-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        新增转办对象
      </Button>
    </View>
  )
}

/** 转办对象 (工作台, admins): the departments officers refer cases to, and who works their referrals. */
export default function ReferralTargetsPage() {
  const state = useAsync(() => api.manageReferralTargets(), [], { reloadOnShow: true })
  const reload = () => void state.reload()
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='targets-error'>
        {(page) => (
          <>
            <View id='targets-list'>
              {page.targets.map((t) => (
                // Keyed on what the server saved, so that a card's form starts from it again after each change.
                <TargetCard key={`${t.id}-${t.name}-${t.phone}-${t.active}-${t.staff.map((s) => s.id).join()}`} target={t} staffOptions={page.staffOptions} onChanged={reload} />
              ))}
            </View>
            <NewTargetForm page={page} onCreated={reload} />
          </>
        )}
      </AsyncContent>
    </View>
  )
}
