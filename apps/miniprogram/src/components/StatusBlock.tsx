import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { errorMessage } from '../api'
import { isApiError } from '../api/errors'
import { ROUTES } from '../lib/routes'
import type { AsyncState } from '../hooks/useAsync'
import './StatusBlock.scss'

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='status-block status-block--muted'>
      <Text>{text}</Text>
    </View>
  )
}

/** Not allowed or not there: asking again cannot help (unlike a dropped network or a busy server). */
const isFinal = (error: unknown): boolean => isApiError(error) && (error.status === 403 || error.status === 404)

function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: ROUTES.home })
}

/** A failed load: the server's message and 重试, or 返回 when retrying cannot help. */
export function ErrorBlock({ error, onRetry, id }: { error: unknown; onRetry?: () => void; id?: string }) {
  const final = isFinal(error)
  return (
    <View className='status-block' id={id}>
      <Text className='status-block__error'>{errorMessage(error)}</Text>
      {final ? (
        <Button className='status-block__action' type='primary' fill='outline' id={id ? `${id}-back` : undefined} onClick={goBack}>
          返回
        </Button>
      ) : (
        onRetry && (
          <Button className='status-block__action' type='primary' fill='outline' onClick={onRetry}>
            重试
          </Button>
        )
      )}
    </View>
  )
}

/** Nothing to show, said plainly. */
export function EmptyBlock({ title, description, id }: { title: string; description?: string; id?: string }) {
  return (
    <View className='status-block' id={id}>
      <Text className='status-block__title'>{title}</Text>
      {description && <Text className='status-block__description'>{description}</Text>}
    </View>
  )
}

/**
 * Renders a useAsync state: loading until the first answer, the error with a retry if there
 * is nothing to show, otherwise the content (and a reload error below it).
 */
export function AsyncContent<T>({ state, errorId, children }: {
  state: AsyncState<T>
  errorId?: string
  children: (data: T) => ReactNode
}) {
  const { data, error, reload } = state
  // No data and no error: still loading, or on the way to the login page.
  if (data === undefined) return error ? <ErrorBlock error={error} onRetry={reload} id={errorId} /> : <Loading />
  return (
    <>
      {children(data)}
      {error && <ErrorBlock error={error} onRetry={reload} />}
    </>
  )
}
