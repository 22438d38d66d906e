import { Text, View } from '@tarojs/components'

import { bulletinsApi } from '../../../api/bulletins'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'

const percent = (rate: number) => `${Math.round(rate * 100)}%`

/** 阅读情况: per group, members reached, who read it (read rate, with opens from its bound WeChat group) and 有用; shares and card opens. */
export default function FiguresPanel({ id }: { id: number }) {
  const state = useAsync(() => bulletinsApi.figures(id), [id], { reloadOnShow: true })
  return (
    <View className='bulletin-manage__section' id='manage-figures'>
      <Text className='card__title'>阅读情况</Text>
      <AsyncContent state={state} errorId='manage-figures-error'>
        {(f) => (
          <>
            <Text className='muted' id='manage-figures-total'>{`共 ${f.readers} 人阅读，${f.useful} 人觉得有用；分享 ${f.shares} 次，从微信群卡片打开 ${f.cardOpens} 人`}</Text>
            {f.groups.map((g) => (
              <Text key={g.groupId} className='list-item__meta' id={`manage-figures-${g.groupId}`}>
                {`${g.groupName}：成员 ${g.members} 人，已读 ${g.readers} 人（${percent(g.readRate)}），有用 ${g.useful}${g.cardOpens ? `，其中从绑定的微信群打开 ${g.cardOpens} 人` : ''}`}
              </Text>
            ))}
          </>
        )}
      </AsyncContent>
    </View>
  )
}
