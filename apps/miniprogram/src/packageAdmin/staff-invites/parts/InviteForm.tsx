import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import {
  INVITABLE_BY, OrgLevel, ROLE_LABELS, STAFF_UNIT_LEVELS, type OrgUnitView, type Role, type StaffInvitationView, type UserView,
} from '@jws/contracts'

import { api } from '../../../api'
import Chips from '../../../components/Chips'
import { useSubmit } from '../../../hooks/useSubmit'

const NAME_MAX = 32

/** The units of the jurisdiction a role can be placed on (a station leader's own station, a branch's stations …). */
const unitsFor = (units: OrgUnitView[], role: Role | null): OrgUnitView[] =>
  role ? units.filter((u) => u.level !== OrgLevel.Community && (STAFF_UNIT_LEVELS[role] ?? []).includes(u.level)) : []

/** 邀请工作人员: name, role (those the inviter may give) and unit; answers the new invitation with its one-time token. */
export function InviteForm({ user, units, onCreated }: { user: UserView; units: OrgUnitView[]; onCreated: (made: StaffInvitationView, name: string) => void }) {
  const roles = INVITABLE_BY[user.role] ?? []
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role | null>(null)
  const [unitId, setUnitId] = useState<number | null>(null)
  const { busy, error, setError, run } = useSubmit()
  const choices = unitsFor(units, role)
  // One possible unit (a station leader's own station) needs no choosing.
  const unit = choices.length === 1 ? choices[0] : choices.find((u) => u.id === unitId) ?? null

  async function submit() {
    const missing = [!name.trim() && '姓名', !role && '角色', !unit && '单位'].filter(Boolean)
    if (missing.length) return setError(`请填写${missing.join('、')}`)
    const made = await run(() => api.createStaffInvitation({ name: name.trim(), role: role as Role, orgUnitId: (unit as OrgUnitView).id }))
    if (!made) return
    onCreated(made, name.trim())
    setName('')
  }

  return (
    <View className='card' id='staff-invite-form'>
      <Text className='card__title'>邀请工作人员</Text>
      <Text className='muted'>生成一次性邀请链接发给对方本人；对方在小程序里打开并确认后，即以所选角色登记到所选单位。</Text>
      <Text className='admin__label'>姓名</Text>
      <View className='admin__input' id='staff-invite-name'>
        <Input value={name} placeholder='对方的真实姓名' maxLength={NAME_MAX} onChange={setName} />
      </View>
      <Text className='admin__label'>角色</Text>
      <Chips
        id='staff-invite-role'
        options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r], id: `staff-invite-role-${r}` }))}
        value={role}
        onChange={(r) => { setRole(r); setUnitId(null) }}
      />
      <Text className='admin__label'>单位</Text>
      {!role ? (
        <Text className='muted'>先选择角色</Text>
      ) : choices.length <= 1 ? (
        <Text id='staff-invite-unit'>{unit?.name ?? '辖区内没有可登记该角色的单位'}</Text>
      ) : (
        <Picker mode='selector' range={choices.map((u) => u.name)} onChange={(e) => setUnitId(choices[Number(e.detail.value)]?.id ?? null)}>
          <View className='picker-field' id='staff-invite-unit'>
            <Text className={unit ? '' : 'picker-field__placeholder'}>{unit?.name ?? '选择单位'}</Text>
          </View>
        </Picker>
      )}
      {error && <Text className='error-text' id='staff-invite-error'>{error}</Text>}
      <Button block className='block-button' id='staff-invite-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        生成邀请链接
      </Button>
    </View>
  )
}
