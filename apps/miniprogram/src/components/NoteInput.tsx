import { View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'

import './NoteInput.scss'

/** A multi-line text box in a bordered wrapper; the wrapper carries the id (type into `#id textarea`). */
export default function NoteInput({ id, value, onChange, placeholder, maxLength = 500 }: {
  id: string
  value: string
  onChange: (value: string) => void
  placeholder: string
  maxLength?: number
}) {
  return (
    <View className='note-input' id={id}>
      <TextArea value={value} placeholder={placeholder} maxLength={maxLength} showCount autoSize onChange={onChange} />
    </View>
  )
}
