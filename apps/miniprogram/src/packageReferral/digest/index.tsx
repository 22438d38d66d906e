import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { GOVERNANCE_CLASS_LABELS, GovernanceClass } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { caseStatusLabel } from '../../lib/case-labels'
import { chinaDate } from '../../lib/china-time'
import { caseUrl } from '../../lib/routes'
import '../referral.scss'

/** The China date (the digest's day runs midnight to midnight in UTC+8) `days` from today. */
const cstDay = (days: number): string => chinaDate(Date.now() + days * 86_400_000)

/**
 * Daily digest for the 政法委 and 综治 office: cases in handling in the jurisdiction at the end of
 * a day, by class; earlier days as they were then (CSV: GET /api/governance/digest.csv?date=).
 */
export default function DigestPage() {
  // 0 is today, -1 yesterday; the last 30 days can be looked back on.
  const [offset, setOffset] = useState(0)
  const state = useAsync(() => api.governanceDigest(offset === 0 ? undefined : cstDay(offset)), [offset], { reloadOnShow: true })
  return (
    <View className='page'>
      <View className='row' id='digest-days'>
        <Button size='small' id='digest-prev' disabled={offset <= -30} onClick={() => setOffset(offset - 1)}>前一天</Button>
        <Text id='digest-day'>{offset === 0 ? `今天 ${cstDay(0)}` : cstDay(offset)}</Text>
        <Button size='small' id='digest-next' disabled={offset >= 0} onClick={() => setOffset(offset + 1)}>后一天</Button>
      </View>
      <AsyncContent state={state} errorId='digest-error'>
        {(d) => (
          <>
            <View className='card' id='digest-counts'>
              <Text className='card__title'>{`${d.jurisdiction} · ${d.date}`}</Text>
              <Text className='muted' id='digest-total'>
                {offset === 0 ? `在办诉求共 ${d.total} 件` : `当日结束时在办诉求共 ${d.total} 件`}
              </Text>
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
              {d.cases.length < d.total && (
                <Text className='muted' id='digest-truncated'>{`列出前 ${d.cases.length} 件，严重现实危险在前`}</Text>
              )}
              {d.cases.length === 0 && <Text className='muted' id='digest-empty'>这一天没有在办诉求</Text>}
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
