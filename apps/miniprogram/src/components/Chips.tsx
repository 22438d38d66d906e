import { Text, View } from '@tarojs/components'

import './Chips.scss'

export interface ChipOption<V extends string | number> {
  value: V
  label: string
  /** Element id of the chip (test hook). */
  id?: string
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
          ariaLabel={o.value === value ? `${o.label}，已选中` : o.label}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
