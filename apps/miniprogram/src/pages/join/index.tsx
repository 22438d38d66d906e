import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MembershipView } from '@jws/contracts'

import { api } from '../../api'
import { useAsync } from '../../hooks/useAsync'
import { JoinByCode } from './parts/JoinByCode'
import { MyRequests } from './parts/MyRequests'
import { JoinByRequest } from './parts/JoinByRequest'
import './index.scss'

/**
 * 加入社区: the person's pending and refused requests (opened from a refusal in 消息), an invite
 * code, or a community chosen from the directory.
 */
export default function JoinPage() {
  const [showDirectory, setShowDirectory] = useState(false)
  const mine = useAsync(() => api.myMemberships(), [], { reloadOnShow: true })
  const memberships = mine.data ?? []
  const remember = (membership: MembershipView) => mine.set([...memberships.filter((m) => m.id !== membership.id), membership])

  return (
    <View className='page'>
      <MyRequests memberships={memberships} onRequested={remember} />
      <JoinByCode />
      {showDirectory ? (
        <JoinByRequest memberships={memberships} onRequested={remember} />
      ) : (
        <Button block className='block-button link-button' id='join-directory-open' fill='none' onClick={() => setShowDirectory(true)}>
          没有邀请码？选择社区申请加入
        </Button>
      )}
    </View>
  )
}
