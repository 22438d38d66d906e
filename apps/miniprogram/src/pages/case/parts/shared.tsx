import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseDetail } from '@jws/contracts'

import { useSubmit } from '../../../hooks/useSubmit'

/** Every call on the case page answers the fresh CaseDetail, which replaces the page's. */
export type OnUpdated = (detail: CaseDetail) => void

export function ErrorLine({ id, message }: { id: string; message: string }) {
  return message ? (
    <Text className='error-text' id={id}>
      {message}
    </Text>
  ) : null
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='case__row'>
      <Text className='case__row-label'>{label}</Text>
      <View className='case__row-value'>{children}</View>
    </View>
  )
}

/** useSubmit for calls that answer the case: the answer replaces the page's, with a toast when `done` is given. */
export function useCaseCall(onUpdated: OnUpdated) {
  const submit = useSubmit()
  async function run(call: () => Promise<CaseDetail>, done?: string): Promise<boolean> {
    const detail = await submit.run(call)
    if (!detail) return false
    onUpdated(detail)
    if (done) void Taro.showToast({ title: done, icon: 'success' })
    return true
  }
  return { busy: submit.busy, error: submit.error, setError: submit.setError, run }
}
