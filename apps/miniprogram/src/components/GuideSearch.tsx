import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'

import { guideUrl } from '../lib/routes'
import './GuideSearch.scss'

/** 办事指引 search box: type how you would say it (孩子上户口, 楼上太吵) and see where it is done. */
export default function GuideSearch({ initial = '', onSearch, allowEmpty = false }: {
  initial?: string
  onSearch?: (q: string) => void
  /** An empty search is passed on (the admins' editor lists every matter) instead of asking for words. */
  allowEmpty?: boolean
}) {
  const [q, setQ] = useState(initial)
  const [error, setError] = useState('')
  function submit() {
    const text = q.trim()
    if (!text && !(allowEmpty && onSearch)) {
      setError('请输入要办的事，例如“孩子上户口”')
      return
    }
    setError('')
    if (onSearch) onSearch(text)
    else void Taro.navigateTo({ url: guideUrl(text) })
  }
  return (
    <View className='guide-search'>
      <View className='row'>
        <View className='guide-search__input' id='guide-search'>
          <Input value={q} placeholder='想办什么事？如：孩子上户口' maxLength={50} clearable onChange={setQ} onConfirm={submit}
            onClear={() => {
              if (allowEmpty && onSearch) onSearch('')
            }}
          />
        </View>
        <Button className='guide-search__button' id='guide-search-submit' type='primary' onClick={submit}>
          搜索
        </Button>
      </View>
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
