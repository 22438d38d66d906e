import { Text, View } from '@tarojs/components'

import './Chips.scss'

export interface ChipOption<V extends string | number> {
  value: V
  label: string
  /** Element id of the chip (test hook). */
  id?: string
  /** Something new behind this chip (an unread channel): a dot, and 有新消息 for screen readers. */
  unread?: boolean
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
          ariaLabel={`${o.label}${o.unread ? '，有新消息' : ''}${o.value === value ? '，已选中' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
          {o.unread && <View className='chip__unread' id={o.id ? `${o.id}-unread` : undefined} />}
        </View>
      ))}
    </View>
  )
}
