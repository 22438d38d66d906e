import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'

import { readAuth } from './api/tokens'
import { loadMe } from './session/auth'
import { platform } from './platform'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    platform.decorateChrome()
    // The mini program signs in silently on launch; the browser build waits for a demo account.
    if (platform.loginMode === 'wechat' || readAuth()) {
      loadMe().catch(() => {
        // Pages show their own errors with a retry; the launch has nothing to show.
      })
    }
  })

  return children
}

export default App
