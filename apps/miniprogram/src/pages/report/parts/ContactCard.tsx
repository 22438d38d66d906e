import { Text, View } from '@tarojs/components'
import { CONTACT_PREFERENCE_LABELS, ContactPreference, type UserView } from '@jws/contracts'

import Chips from '../../../components/Chips'
import Toggle from '../../../components/Toggle'
import { sealAllowed } from '../../../lib/report-draft'
import type { ReportFormState } from '../useReportForm'

const CONTACT_OPTIONS = (Object.keys(CONTACT_PREFERENCE_LABELS) as ContactPreference[]).map((p) => ({
  value: p,
  label: CONTACT_PREFERENCE_LABELS[p],
  id: `report-contact-${p}`,
}))

/** 联系方式与匿名: how the officer may contact, 对他人匿名, and for informants the sealed mode. */
export default function ContactCard({ form, user }: { form: ReportFormState; user: UserView }) {
  const { draft, update } = form
  const canSeal = sealAllowed(draft.kind, user.isInformant)
  return (
    <View className='card'>
      <Text className='card__title'>联系方式与匿名</Text>
      {canSeal && draft.sealed ? (
        <>
          <Chips
            id='report-contact'
            options={CONTACT_OPTIONS.filter((o) => o.value !== ContactPreference.Phone)}
            value={draft.contactPreference === ContactPreference.Phone ? ContactPreference.InApp : draft.contactPreference}
            onChange={(p) => update({ contactPreference: p })}
          />
          <Text className='muted' id='report-contact-sealed'>保密模式下民警看不到您是谁，会通过小程序消息与您联系，不会打电话</Text>
        </>
      ) : (
        <Chips id='report-contact' options={CONTACT_OPTIONS} value={draft.contactPreference} onChange={(p) => update({ contactPreference: p })} />
      )}
      <Toggle
        id='report-anonymous'
        title='对他人匿名'
        description='除办理民警外，其他人看不到您的姓名和电话'
        checked={draft.anonymous || (canSeal && draft.sealed)}
        disabled={canSeal && draft.sealed}
        onChange={(on) => update({ anonymous: on })}
      />
      {canSeal && (
        <Toggle
          id='report-sealed'
          title='信息员保密模式'
          description='身份加密封存，办理民警也看不到；仅派出所领导可按规定说明理由后查看'
          checked={draft.sealed}
          onChange={(on) => update({ sealed: on })}
        />
      )}
    </View>
  )
}
