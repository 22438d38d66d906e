import { Text, View } from '@tarojs/components'

import './Chips.scss'

export interface ChipOption<V extends string | number> {
  value: V
  label: string
  /** Element id of the chip (test hook). */
  id?: string
  /**
   * Something new behind this chip (an unread channel): a count badge (有N条新消息 for screen
   * readers), or a dot (有新消息) when there is something new but nothing to count. 0 shows nothing.
   */
  unread?: number | boolean
}

function unreadText(unread: number | boolean | undefined): string {
  if (typeof unread === 'number') return unread > 0 ? `，有${unread}条新消息` : ''
  return unread ? '，有新消息' : ''
}

interface Props<V extends string | number> {
  /** Element id of the group. */
  id?: string
  options: readonly ChipOption<V>[]
  value: V | null
  onChange: (value: V) => void
  /** One row that scrolls sideways instead of wrapping (filters). */
  scroll?: boolean
}

/** Single choice shown as tappable chips (kinds, subcategories, filters). */
export default function Chips<V extends string | number>({ id, options, value, onChange, scroll = false }: Props<V>) {
  return (
    <View id={id} className={`chips${scroll ? ' chips--scroll' : ''}`} ariaRole='radiogroup'>
      {options.map((o) => (
        <View
          key={String(o.value)}
          id={o.id}
          className={`chip${o.value === value ? ' chip--active' : ''}`}
          ariaRole='radio'
          aria-checked={o.value === value ? 'true' : 'false'}
          ariaLabel={`${o.label}${unreadText(o.unread)}${o.value === value ? '，已选中' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
          {typeof o.unread === 'number' && o.unread > 0 ? (
            <View className='chip__badge' id={o.id ? `${o.id}-unread` : undefined}>
              <Text>{o.unread > 99 ? '99+' : o.unread}</Text>
            </View>
          ) : (
            o.unread === true && <View className='chip__unread' id={o.id ? `${o.id}-unread` : undefined} />
          )}
        </View>
      ))}
    </View>
  )
}
