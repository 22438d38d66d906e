import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

import type { PagedState } from '../hooks/usePaged'
import { EmptyBlock, ErrorBlock, Loading } from './StatusBlock'

interface Props<T> {
  state: PagedState<T>
  /** id of the list element (test hook). */
  id: string
  /** id of the 加载更多 button. */
  moreId?: string
  empty: { title: string; description?: string }
  children: (item: T, index: number) => ReactNode
}

/** Loading / error / empty / items and a 加载更多 button for a usePaged list. */
export default function PagedList<T>({ state, id, moreId, empty, children }: Props<T>) {
  const { items, error, reload, hasMore, loadMore, loadingMore } = state
  if (items === undefined) return error ? <ErrorBlock error={error} onRetry={() => void reload()} /> : <Loading />
  return (
    <View id={id}>
      {items.length === 0 ? <EmptyBlock title={empty.title} description={empty.description} /> : items.map(children)}
      {error && <ErrorBlock error={error} onRetry={() => void (hasMore ? loadMore() : reload())} />}
      {hasMore && !error && (
        <Button block className='block-button' id={moreId} fill='outline' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  )
}
