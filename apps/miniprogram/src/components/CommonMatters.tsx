import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

import { api } from '../api'
import { useAsync } from '../hooks/useAsync'
import { matterUrl } from '../lib/routes'
import './CommonMatters.scss'

/** The catalogue's common matters as tappable tiles (首页). Hidden if the guide cannot be read. */
export default function CommonMatters() {
  const state = useAsync(async () => (await api.searchGuide('')).matters, [])
  if (!state.data?.length) return null
  return (
    <View className='common-matters' id='common-matters'>
      {state.data.map((m) => (
        <View key={m.code} id={`common-matter-${m.code.replace(/\./g, '-')}`} className='common-matters__item' ariaRole='button' onClick={() => void Taro.navigateTo({ url: matterUrl(m.code) })}>
          <Text>{m.title.replace(/（.*）/, '')}</Text>
        </View>
      ))}
    </View>
  )
}
