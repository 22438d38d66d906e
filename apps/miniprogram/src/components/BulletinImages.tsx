import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef } from 'react'

import AuthImage from './AuthImage'
import './BulletinImages.scss'

/**
 * A bulletin's images (served after the bulletin's access check, loaded with the token): a grid of
 * thumbnails; a tap previews them all (Taro.previewImage), starting at the one tapped.
 */
export default function BulletinImages({ urls, id }: { urls: string[]; id: string }) {
  const loaded = useRef(new Map<string, string>())
  if (!urls.length) return null
  const preview = (url: string, path: string) => {
    loaded.current.set(url, path)
    const paths = urls.map((u) => loaded.current.get(u)).filter((p): p is string => Boolean(p))
    void Taro.previewImage({ urls: paths, current: path })
  }
  return (
    <View className='bulletin-images' id={id}>
      {urls.map((url, i) => (
        <View key={url} className='bulletin-images__cell' id={`${id}-${i}`}>
          <AuthImage url={url} className='bulletin-images__image' onClick={(path) => preview(url, path)} />
        </View>
      ))}
    </View>
  )
}
