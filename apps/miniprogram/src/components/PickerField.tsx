import { Text, View } from '@tarojs/components'

/**
 * The visible field of a Taro Picker (dates, times): the picked value, or a grey placeholder until
 * something is picked, in the bordered style of every input (app.scss `.picker-field`).
 */
export default function PickerField({ id, text, placeholder, className }: { id: string; text: string; placeholder: string; className?: string }) {
  return (
    <View className={`picker-field${className ? ` ${className}` : ''}`} id={id}>
      <Text className={text ? '' : 'picker-field__placeholder'}>{text || placeholder}</Text>
    </View>
  )
}
