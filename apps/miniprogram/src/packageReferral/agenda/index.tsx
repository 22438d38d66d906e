import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'

import { api } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { caseStatusLabel } from '../../lib/case-labels'
import { formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import '../referral.scss'

/** 转办分流联席: piled-up referrals per target and category, with the cases behind each (branch and city leaders). */
export default function AgendaPage() {
  const state = useAsync(() => api.referralAgenda(), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='agenda-error'>
        {(items) =>
          items.length === 0 ? (
            <View className='card'>
              <EmptyBlock id='agenda-empty' title='暂无联席议题' description='同一类诉求集中转给同一部门时，会在这里列为联席会议议题。' />
            </View>
          ) : (
            <View id='agenda-list'>
              {items.map((item) => (
                <View key={item.id} className='card' id={`agenda-item-${item.id}`}>
                  <View className='row'>
                    <Text className='card__title'>{`${item.categoryLabel} → ${item.target.name}`}</Text>
                    <Tag type='danger'>{`${item.count} 件`}</Tag>
                  </View>
                  <Text className='muted'>{`${item.branchName} · ${formatDateTime(item.periodStart)} 起 · 阈值 ${item.threshold} 件`}</Text>
                  {item.cases.map((c) => (
                    <View key={c.caseId} className='row list-item' ariaRole='button' onClick={() => void Taro.navigateTo({ url: caseUrl(c.caseId) })}>
                      <Text className='list-item__title'>{`${c.number} ${c.title}`}</Text>
                      <Text className='muted'>{caseStatusLabel(c.status)}</Text>
                    </View>
                  ))}
                </View>
              ))}
            </View>
          )
        }
      </AsyncContent>
    </View>
  )
}
