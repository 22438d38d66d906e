import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Calls `reload` each time the page is shown again (not on its first show, which loads anyway). */
export function useReloadOnShow(reload: () => Promise<void>, enabled: boolean | undefined): void {
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (enabled) void reload()
  })
}
