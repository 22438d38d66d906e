import { Text, View } from '@tarojs/components'

import './Toggle.scss'

interface Props {
  /** On the whole row: tapping anywhere on it toggles. */
  id?: string
  title: string
  description?: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}

/** A labelled on/off switch row (own component: a tap anywhere on the row toggles it). */
export default function Toggle({ id, title, description, checked, onChange, disabled = false }: Props) {
  return (
    <View
      id={id}
      className={`toggle${disabled ? ' toggle--disabled' : ''}`}
      ariaRole='switch'
      aria-checked={checked ? 'true' : 'false'}
      aria-disabled={disabled ? 'true' : undefined}
      ariaLabel={`${title}，${checked ? '已开启' : '已关闭'}`}
      onClick={() => !disabled && onChange(!checked)}
    >
      <View className='toggle__text'>
        <Text className='toggle__title'>{title}</Text>
        {description && <Text className='toggle__description'>{description}</Text>}
      </View>
      <View className={`toggle__switch${checked ? ' toggle__switch--on' : ''}`}>
        <View className='toggle__knob' />
      </View>
    </View>
  )
}
