import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseDetail } from '@jws/contracts'

import AuthImage from '../../../components/AuthImage'

export default function Photos({ c }: { c: CaseDetail }) {
  if (c.photos.length === 0) return null
  return (
    <View className='card'>
      <Text className='card__title'>图片（{c.photos.length}）</Text>
      <View className='case__photos' id='case-photos'>
        {c.photos.map((p) => (
          <View key={p.id} className='case__photo' id={`case-photo-${p.id}`}>
            <AuthImage url={p.url} onClick={(path) => void Taro.previewImage({ urls: [path], current: path })} />
          </View>
        ))}
      </View>
    </View>
  )
}
