import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** A labelled form field: 必填 marked with *, others （选填）. */
export default function Field({ label, required, hint, children }: { label: string; required?: boolean; hint?: string; children: ReactNode }) {
  return (
    <View className='report__field'>
      <Text className='report__label'>
        {label}
        {required ? <Text className='report__required'> *</Text> : <Text className='report__optional'>（选填）</Text>}
      </Text>
      {hint && <Text className='report__hint'>{hint}</Text>}
      {children}
    </View>
  )
}
