import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { GOVERNANCE_CLASS_LABELS, GovernanceClass } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { caseStatusLabel } from '../../lib/case-labels'
import { caseUrl } from '../../lib/routes'
import '../referral.scss'

/** Daily digest for the 政法委 and 综治 office: cases in handling in the jurisdiction, by class (CSV: GET /api/governance/digest.csv). */
export default function DigestPage() {
  const state = useAsync(() => api.governanceDigest(), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='digest-error'>
        {(d) => (
          <>
            <View className='card' id='digest-counts'>
              <Text className='card__title'>{`${d.jurisdiction} · ${d.date}`}</Text>
              {(Object.values(GovernanceClass) as GovernanceClass[]).map((g) => (
                <View key={g} className='row' id={`digest-count-${g}`}>
                  <Text>{GOVERNANCE_CLASS_LABELS[g]}</Text>
                  <Text>{`${d.counts[g]} 件`}</Text>
                </View>
              ))}
              <View className='row'>
                <Text>严重现实危险</Text>
                <Text>{`${d.seriousRiskCount} 件`}</Text>
              </View>
            </View>
            <View className='card' id='digest-cases'>
              <Text className='card__title'>在办诉求</Text>
              {d.cases.map((c) => (
                <View key={c.caseId} className='list-item' ariaRole='button' onClick={() => void Taro.navigateTo({ url: caseUrl(c.caseId) })}>
                  <View className='row'>
                    <Text className='list-item__title'>{c.title}</Text>
                    {c.seriousRisk && <Tag type='danger'>严重现实危险</Tag>}
                  </View>
                  <Text className='list-item__meta'>
                    {`${GOVERNANCE_CLASS_LABELS[c.governanceClass]} · ${caseStatusLabel(c.status)} · ${c.communityName}${c.referredTo ? ` · 转${c.referredTo}` : ''}`}
                  </Text>
                </View>
              ))}
            </View>
          </>
        )}
      </AsyncContent>
    </View>
  )
}
