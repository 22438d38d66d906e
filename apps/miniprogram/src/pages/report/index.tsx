import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { MembershipStatus, Permission } from '@jws/contracts'

import { api } from '../../api'
import { ErrorBlock, Loading } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { ROUTES } from '../../lib/routes'
import { userCan } from '../../session/store'
import { EmergencyCard, HotlineList } from './parts/Hotlines'
import JoinFirst from './parts/JoinFirst'
import ReportForm from './ReportForm'
import './index.scss'

/** 上报 tab: the emergency number on top, the report form for residents, other hotlines below. */
export default function ReportPage() {
  const me = useMe()
  const user = me.user
  const canReport = userCan(user, Permission.CaseReport)
  // Memberships only feed the community picker: the form works (and a draft is sent) without them.
  const memberships = useAsync(async () => (canReport ? api.myMemberships() : null), [canReport, user?.id], { reloadOnShow: true })
  const list = memberships.data ?? null
  const active = list?.filter((m) => m.status === MembershipStatus.Active) ?? null

  let body: ReactNode
  if (!user) {
    body = me.error ? <ErrorBlock error={me.error} onRetry={me.reload} /> : <Loading />
  } else if (!canReport) {
    body = (
      <View className='card' id='report-staff'>
        <Text className='card__title'>群众上报由工作台处理</Text>
        <Text className='muted'>您是工作人员，辖区群众的上报请在“工作台 → 案件队列”中查看和办理。</Text>
        {userCan(user, Permission.WorkbenchAccess) && (
          <Button block className='block-button' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.workbench })}>
            进入工作台
          </Button>
        )}
      </View>
    )
  } else if (active !== null && active.length === 0) {
    body = <JoinFirst pending={Boolean(list?.some((m) => m.status === MembershipStatus.Pending))} />
  } else {
    body = <ReportForm key={user.id} user={user} communities={list} />
  }

  return (
    <TabPage tab='report'>
      <EmergencyCard />
      {body}
      <HotlineList />
    </TabPage>
  )
}

