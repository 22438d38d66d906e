import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PushGroupView, WechatGroupView } from '@jws/contracts'

import { bulletinsApi } from '../../api/bulletins'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { formatDateTime } from '../../lib/labels'
import '../bulletin.scss'

/** One WeChat group waiting to be bound: where its first card came from, and the officer's groups to bind it to. */
function Pending({ w, groups, onBound }: { w: WechatGroupView; groups: PushGroupView[]; onBound: () => void }) {
  const [chosen, setChosen] = useState<number | null>(null)
  const { busy, error, setError, run } = useSubmit()
  const bind = async () => {
    if (chosen === null) return setError('请选择要绑定的群')
    if (await run(() => bulletinsApi.bindWechatGroup(w.id, chosen))) onBound()
  }
  return (
    <View className='list-item' id={`wechat-group-${w.id}`}>
      <Text className='list-item__title'>{`来自《${w.firstBulletinTitle}》的分享卡片`}</Text>
      <Text className='list-item__meta'>{`${w.sharedByName ?? ''}分享 · ${formatDateTime(w.firstSeenAt)}首次打开 · ${w.openers} 人从该群打开`}</Text>
      <Text className='muted'>这是哪个群？</Text>
      {groups.map((g) => (
        <View
          key={g.id}
          id={`wechat-group-${w.id}-choice-${g.id}`}
          className='bulletin-manage__group'
          ariaRole='radio'
          aria-checked={chosen === g.id ? 'true' : 'false'}
          onClick={() => setChosen(g.id)}
        >
          <Text>{`${chosen === g.id ? '◉' : '○'} ${g.name}`}</Text>
        </View>
      ))}
      {error && <Text className='error-text' id={`wechat-group-${w.id}-error`}>{error}</Text>}
      <Button block className='block-button' id={`wechat-group-${w.id}-bind`} type='primary' loading={busy} disabled={busy} onClick={() => void bind()}>
        确认绑定
      </Button>
    </View>
  )
}

/**
 * 绑定微信群: the real WeChat groups the officer's share cards were opened from. The officer says
 * which of their groups each one is; opens from it then count as that group's reads (docs/bulletins.md).
 */
export default function WechatGroupsPage() {
  const state = useAsync(async () => {
    const [list, groups] = await Promise.all([bulletinsApi.wechatGroups(), bulletinsApi.pushGroups()])
    return { list, groups }
  }, [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='wechat-groups-error'>
        {({ list, groups }) => {
          const pending = list.filter((w) => w.status === 'pending')
          const bound = list.filter((w) => w.status === 'bound')
          return (
            <>
              <View className='card' id='wechat-groups-pending'>
                <Text className='card__title'>待绑定</Text>
                <Text className='muted'>在公告详情页点“分享到群”，把公告转发到真实的微信群；群成员打开后，该群会出现在这里。</Text>
                {pending.length === 0 && <Text className='muted' id='wechat-groups-none'>暂无待绑定的微信群。</Text>}
                {pending.map((w) => <Pending key={w.id} w={w} groups={groups} onBound={() => void state.reload()} />)}
              </View>
              {bound.length > 0 && (
                <View className='card' id='wechat-groups-bound'>
                  <Text className='card__title'>已绑定</Text>
                  {bound.map((w) => (
                    <View key={w.id} className='list-item' id={`wechat-group-bound-${w.id}`}>
                      <Text className='list-item__title'>{w.groupName}</Text>
                      <Text className='list-item__meta'>{`${w.openers} 人从该微信群打开过公告`}</Text>
                    </View>
                  ))}
                </View>
              )}
            </>
          )
        }}
      </AsyncContent>
    </View>
  )
}
