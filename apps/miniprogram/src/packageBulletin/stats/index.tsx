import { Text, View } from '@tarojs/components'

import { bulletinsApi } from '../../api/bulletins'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import '../bulletin.scss'

/** 推送统计: pushes × groups into my groups over the last 30 days, as the city counts 法治宣传 and 提醒告知, by officer. */
export default function BulletinStatsPage() {
  const state = useAsync(() => bulletinsApi.pushFigures(), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='bulletin-stats-error'>
        {(f) => (
          <View className='card' id='bulletin-stats'>
            <Text className='card__title'>{`推送统计（${f.from} 至 ${f.to}）`}</Text>
            <Text className='muted'>按“推送次数 × 群数”计：一条公告推送到3个群计3次。</Text>
            <Text className='list-item__title' id='bulletin-stats-total'>{`法治宣传 ${f.legalPublicity} · 提醒告知 ${f.reminders} · 正气 ${f.positive}`}</Text>
            {f.byOfficer.length === 0 && <Text className='muted'>这段时间没有推送。</Text>}
            {f.byOfficer.map((o) => (
              <View key={o.officerId} className='list-item' id={`bulletin-stats-officer-${o.officerId}`}>
                <Text className='list-item__title'>{o.officerName}</Text>
                <Text className='list-item__meta'>{`法治宣传 ${o.legalPublicity} · 提醒告知 ${o.reminders} · 正气 ${o.positive}`}</Text>
              </View>
            ))}
          </View>
        )}
      </AsyncContent>
    </View>
  )
}
