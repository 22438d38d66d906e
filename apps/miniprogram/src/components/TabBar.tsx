import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Permission } from '@jws/contracts'

import { TABS, type TabKey } from '../lib/routes'
import { useAlerts } from '../session/alerts'
import { useUser, userCan } from '../session/store'
import { selectTab, useSelectedTab } from './tab-state'
import './TabBar.scss'

interface Props {
  /** The tab page showing this bar (h5); the WeChat custom tab bar reads the shared selection. */
  current?: TabKey
}

/** Bottom navigation. 工作台 appears only for police, mediators and department staff. */
export default function TabBar({ current }: Props) {
  const user = useUser()
  const sharedSelection = useSelectedTab()
  const selected = current ?? sharedSelection
  const tabs = TABS.filter((tab) => tab.key !== 'workbench' || userCan(user, Permission.WorkbenchAccess))
  const alerts = useAlerts()
  const waiting = alerts?.total ?? 0
  const badgeOf = (key: TabKey) => (key === 'workbench' && waiting > 0 ? (waiting > 99 ? '99+' : String(waiting)) : '')

  return (
    <View className='jws-tabbar' id='tab-bar' ariaRole='tablist'>
      {tabs.map((tab) => (
        <View
          key={tab.key}
          id={`tab-${tab.key}`}
          className={`jws-tabbar__item${tab.key === selected ? ' jws-tabbar__item--active' : ''}`}
          ariaRole='tab'
          aria-selected={tab.key === selected ? 'true' : 'false'}
          ariaLabel={`${tab.text}${badgeOf(tab.key) ? `，${waiting}项待处理` : ''}${tab.key === selected ? '，已选中' : ''}`}
          onClick={() => {
            if (tab.key === selected) return
            selectTab(tab.key)
            void Taro.switchTab({ url: tab.path })
          }}
        >
          <View className='jws-tabbar__mark' />
          <View className='jws-tabbar__label'>
            <Text className='jws-tabbar__text'>{tab.text}</Text>
            {badgeOf(tab.key) && (
              <Text className='jws-tabbar__badge' id={`tab-${tab.key}-badge`}>
                {badgeOf(tab.key)}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
