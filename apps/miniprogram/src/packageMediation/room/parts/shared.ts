import Taro from '@tarojs/taro'
import type { RoomDetail } from '@jws/contracts'

import { errorMessage } from '../../../api'

/** Every call on the room answers the fresh RoomDetail, which replaces the page's. */
export type OnRoomUpdated = (room: RoomDetail) => void

/** Runs a call from a button with no error line of its own: a failure is told in a toast. */
export async function orToast<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call()
  } catch (e) {
    void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    return null
  }
}
