import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'

import type { TabKey } from '../lib/routes'
import { refreshAlerts } from '../session/alerts'
import TabBar from './TabBar'
import { selectTab } from './tab-state'

interface Props {
  tab: TabKey
  children: ReactNode
}

/**
 * Frame of a tab page. In the mini program WeChat draws src/custom-tab-bar below the page.
 * Taro's h5 runtime draws no custom tab bar, so the browser build renders the same one
 * here, only while the page is showing: h5 keeps visited tab pages in the DOM, and one
 * bar at a time keeps the #tab-* ids unique.
 */
export default function TabPage({ tab, children }: Props) {
  const [showing, setShowing] = useState(true)
  useDidShow(() => {
    selectTab(tab)
    setShowing(true)
    // Staff see on the 工作台 tab what waits for them, fresh on every tab they open.
    void refreshAlerts()
  })
  useDidHide(() => setShowing(false))

  if (process.env.TARO_ENV !== 'h5') return <View className='page'>{children}</View>
  return (
    <View className='page page--h5-tabbed'>
      {children}
      {showing && (
        <View className='h5-tabbar'>
          <TabBar current={tab} />
        </View>
      )}
    </View>
  )
}
