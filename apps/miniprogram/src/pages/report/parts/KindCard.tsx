import { Text, View } from '@tarojs/components'
import { CASE_KIND_LABELS, CASE_SUBCATEGORIES, type CaseKind, type UserView } from '@jws/contracts'

import Chips from '../../../components/Chips'
import { defaultSubcategory, sealAllowed } from '../../../lib/report-draft'
import type { ReportFormState } from '../useReportForm'

const KIND_OPTIONS = (Object.keys(CASE_KIND_LABELS) as CaseKind[]).map((kind) => ({
  value: kind,
  label: CASE_KIND_LABELS[kind],
  id: `report-kind-${kind}`,
}))

/** 您要上报什么: the kind, then its subcategory. */
export default function KindCard({ form, user }: { form: ReportFormState; user: UserView }) {
  const { draft, update, fieldErrors } = form
  const kind = draft.kind
  return (
    <View className={`card${fieldErrors.kind ? ' field--error' : ''}`}>
      <Text className='card__title'>您要上报什么？</Text>
      <Chips
        id='report-kind'
        options={KIND_OPTIONS}
        value={kind}
        onChange={(k) => update({ kind: k, subcategory: defaultSubcategory(k), sealed: draft.sealed && sealAllowed(k, user.isInformant) })}
      />
      {fieldErrors.kind && <Text className='field__error' id='report-kind-error'>{fieldErrors.kind}</Text>}
      {kind && (
        <View className='report__field'>
          <Text className='report__label'>具体类别</Text>
          <Chips
            id='report-subcategory'
            options={CASE_SUBCATEGORIES[kind].map((s) => ({ value: s.code, label: s.label, id: `report-subcategory-${s.code}` }))}
            value={draft.subcategory || defaultSubcategory(kind)}
            onChange={(code) => update({ subcategory: code })}
          />
        </View>
      )}
    </View>
  )
}
