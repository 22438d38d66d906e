import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'

import './NameSearch.scss'

/**
 * A name search box with 查找 (工作台's communities, the community directory, the transfer
 * chooser). `onSearch` gets the trimmed text, empty to show everything again. Test hooks: `id`
 * on the box, `<id>-submit` on the button.
 */
export default function NameSearch({ id, placeholder, onSearch }: { id: string; placeholder: string; onSearch: (q: string) => void }) {
  const [q, setQ] = useState('')
  const submit = () => onSearch(q.trim())
  return (
    <View className='row name-search'>
      <View className='name-search__input' id={id}>
        <Input value={q} placeholder={placeholder} maxLength={20} clearable onChange={setQ} onConfirm={submit} />
      </View>
      <Button id={`${id}-submit`} type='primary' onClick={submit}>
        查找
      </Button>
    </View>
  )
}
