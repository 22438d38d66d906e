import { useCallback, useReducer, useRef, type SetStateAction } from 'react'

/**
 * State that event handlers read at its latest value — after an await, or from a listener set up
 * once — as well as render: one source of truth instead of a useState with a ref mirroring it.
 * Answers [value for this render, setter (value or updater, like useState's), reader of the latest].
 */
export function useLatestState<T>(initial: () => T): [T, (next: SetStateAction<T>) => void, () => T] {
  const box = useRef<{ value: T } | null>(null)
  if (box.current === null) box.current = { value: initial() }
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const held = box.current
  const set = useCallback((next: SetStateAction<T>) => {
    const value = typeof next === 'function' ? (next as (prev: T) => T)(held.value) : next
    if (Object.is(value, held.value)) return
    held.value = value
    rerender()
  }, [held])
  const latest = useCallback(() => held.value, [held])
  return [held.value, set, latest]
}
