import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** A labelled form field: 必填 marked with *, others （选填）; `error` marks it red and says what to fix. */
export default function Field({ label, required, hint, error, errorId, children }: {
  label: string
  required?: boolean
  hint?: string
  error?: string
  /** Element id of the error line (test hook). */
  errorId?: string
  children: ReactNode
}) {
  return (
    <View className={`report__field${error ? ' field--error' : ''}`}>
      <Text className='report__label'>
        {label}
        {required ? <Text className='report__required'> *</Text> : <Text className='report__optional'>（选填）</Text>}
      </Text>
      {hint && <Text className='report__hint'>{hint}</Text>}
      {children}
      {error && <Text className='field__error' id={errorId}>{error}</Text>}
    </View>
  )
}
