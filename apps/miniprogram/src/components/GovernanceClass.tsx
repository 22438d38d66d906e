import { Text, View } from '@tarojs/components'
import { GOVERNANCE_CLASS_LABELS, GovernanceClass, TERMINAL_STATUSES, type CaseDetail } from '@jws/contracts'

import { api } from '../api'
import { useAsync } from '../hooks/useAsync'
import { useSubmit } from '../hooks/useSubmit'
import Chips from './Chips'

const OPTIONS = (Object.values(GovernanceClass) as GovernanceClass[]).map((g) => ({ value: g, label: GOVERNANCE_CLASS_LABELS[g], id: `case-governance-${g}` }))

/** 诉求分类 for the 政法委/综治 digest: officers see the class (from the kind until set) and change it. */
export default function GovernanceClassCard({ c }: { c: CaseDetail }) {
  const state = useAsync(() => api.governanceClass(c.id), [c.id])
  const { error, run } = useSubmit()
  if (!state.data) return null
  const editable = c.canAddNote && !TERMINAL_STATUSES.includes(c.status)
  async function choose(value: GovernanceClass) {
    const saved = await run(() => api.classifyCase(c.id, value))
    if (saved) state.set(saved)
  }
  return (
    <View className='card' id='case-governance'>
      <Text className='card__title'>诉求分类（报政法委/综治）</Text>
      {editable ? (
        <Chips options={OPTIONS} value={state.data.governanceClass} onChange={(v) => void choose(v)} />
      ) : (
        <Text>{GOVERNANCE_CLASS_LABELS[state.data.governanceClass]}</Text>
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
