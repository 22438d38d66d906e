import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { formatRate, HONOUR_TITLE, previousMonth, type OfficerRankingRow } from '@jws/contracts'
import { useState } from 'react'

import { api } from '../../api'
import Chips from '../../components/Chips'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { chinaDate } from '../../lib/china-time'
import '../rewards.scss'

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

/** The last six months, the month just over first (the one a branch leader names officers for). */
function months(): string[] {
  const out = [chinaDate().slice(0, 7)]
  while (out.length < 7) out.push(previousMonth(out[out.length - 1]))
  return [...out.slice(1), out[0]]
}

function Row({ row, canName, month, onNamed }: { row: OfficerRankingRow; canName: boolean; month: string; onNamed: () => void }) {
  const { busy, error, run } = useSubmit()
  const name = async () => {
    if (await run(() => api.nameOfficer(month, row.officerId))) onNamed()
  }
  return (
    <View className='ranking__row' id={`ranking-officer-${row.officerId}`}>
      <View className='row'>
        <Text><Text className='ranking__place'>{`第${row.rank}名`}</Text>{`${row.officerName} · ${row.stationName}`}</Text>
        {row.honoured && <View id={`ranking-officer-${row.officerId}-honoured`}><Tag type='success'>{HONOUR_TITLE}</Tag></View>}
      </View>
      <Text className='muted'>
        {`平均响应 ${row.responseMinutes === null ? '—' : `${row.responseMinutes}分钟`} · 解决率 ${formatRate(row.resolution)} · 满意率 ${formatRate(row.satisfaction)} · 推送 ${row.pushes} · 发起奖励 ${row.rewards}`}
      </Text>
      {canName && !row.honoured && (
        <Button size='small' type='primary' fill='outline' id={`ranking-officer-${row.officerId}-name`} loading={busy} disabled={busy} onClick={() => void name()}>
          评为{HONOUR_TITLE}
        </Button>
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}

/** 成绩突出社区民警: the month's ranking of the officers under the leader's unit; a branch leader names officers from it. */
export default function OfficerRankingPage() {
  const options = months()
  const [month, setMonth] = useState(options[0])
  const state = useAsync(() => api.officerRanking(month), [month])
  return (
    <View className='page'>
      <Chips id='ranking-month' scroll value={month} onChange={setMonth} options={options.map((m) => ({ value: m, label: monthLabel(m), id: `ranking-month-${m}` }))} />
      <AsyncContent state={state}>
        {(r) => (
          <View className='card' id='ranking'>
            <Text className='card__title'>{`${r.node.name} · ${monthLabel(r.month)}`}</Text>
            <Text className='muted'>按平均响应时间、解决率、满意率、推送次数、发起奖励五项分别排名，名次相加越小越靠前。</Text>
            {r.rows.length === 0 && <Text className='muted'>暂无社区民警</Text>}
            {r.rows.map((row) => <Row key={row.officerId} row={row} canName={r.canName} month={r.month} onNamed={() => void state.reload()} />)}
          </View>
        )}
      </AsyncContent>
    </View>
  )
}
