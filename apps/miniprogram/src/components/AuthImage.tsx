import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'

import { loadPhoto } from '../api/photos'
import './AuthImage.scss'

interface Props {
  /** API path of the image (/api/cases/:id/photos/:photoId), loaded with the Authorization header. */
  url: string
  className?: string
  onClick?: (localPath: string) => void
}

/** An image behind the bearer token (see api/photos.ts). Shows 加载中 / 加载失败 in its box. */
export default function AuthImage({ url, className, onClick }: Props) {
  const [state, setState] = useState<{ url: string; path: string | null; failed: boolean }>({ url, path: null, failed: false })

  useEffect(() => {
    let live = true
    loadPhoto(url)
      .then((path) => live && setState({ url, path, failed: false }))
      .catch(() => live && setState({ url, path: null, failed: true }))
    return () => {
      live = false
    }
  }, [url])

  const current = state.url === url ? state : { path: null, failed: false }
  const classes = `auth-image ${className ?? ''}`
  if (!current.path) {
    return (
      <View className={`${classes} auth-image--placeholder`}>
        <Text>{current.failed ? '加载失败' : '加载中'}</Text>
      </View>
    )
  }
  const path = current.path
  // The <img> inside Taro's h5 Image takes its alt text through nativeProps.
  return <Image className={classes} src={path} mode='aspectFill' nativeProps={{ alt: '照片' }} onClick={() => onClick?.(path)} />
}
