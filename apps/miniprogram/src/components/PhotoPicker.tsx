import { useState, type Dispatch, type SetStateAction } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ErrorCode, MAX_CASE_PHOTOS, MAX_PHOTO_BYTES } from '@jws/contracts'

import { api, errorMessage } from '../api'
import { droppedPhotosMessage } from '../lib/photo-choice'
import { platform } from '../platform'
import AuthImage from './AuthImage'
import './PhotoPicker.scss'

/** A photo of a form: chosen (localPath), uploading, uploaded (id, url) or failed (error). */
export interface PhotoItem {
  key: string
  id?: string
  url?: string
  /** Local path from platform.choosePhotos; absent for photos restored from a saved draft. */
  localPath?: string
  /** What the platform needs to upload it besides the path (h5: the File). */
  source?: unknown
  uploading?: boolean
  error?: string
  /** False when trying again cannot help (too large, not an image): the person must remove it. */
  retryable?: boolean
}

/** Refusals that no retry can fix. */
const FINAL_UPLOAD_ERRORS: readonly string[] = [ErrorCode.UploadTooLarge, ErrorCode.UploadTypeNotAllowed]

let counter = 0
const nextKey = () => `p${Date.now().toString(36)}${(counter += 1)}`

/** Uploaded photo ids of a form, or null while any is uploading or failed. */
export function uploadedIds(photos: readonly PhotoItem[]): string[] | null {
  if (photos.some((p) => !p.id)) return null
  return photos.map((p) => p.id as string)
}

interface Props {
  /**
   * Element ids: `<prefix>-photos`, `<prefix>-photo-add`, `<prefix>-photo-<n>`, `<prefix>-photo-remove-<n>`,
   * `<prefix>-photo-notice` (the files the last choice left out).
   */
  idPrefix: string
  photos: PhotoItem[]
  onChange: Dispatch<SetStateAction<PhotoItem[]>>
  /** The most photos of the form; under MAX_CASE_PHOTOS it is what is left of a report's allowance. */
  max?: number
  disabled?: boolean
}

/**
 * Up to 9 photos: choose (album or camera), upload each at once, thumbnails with remove. Files the
 * chooser left out (not an image, too large, more than fit) are named in a notice, never dropped unseen.
 */
export default function PhotoPicker({ idPrefix, photos, onChange, max = MAX_CASE_PHOTOS, disabled = false }: Props) {
  const [notice, setNotice] = useState('')
  const update = (key: string, patch: Partial<PhotoItem>) =>
    onChange((prev) => prev.map((p) => (p.key === key ? { ...p, ...patch } : p)))

  async function uploadOne(item: PhotoItem) {
    if (!item.localPath) return
    update(item.key, { uploading: true, error: undefined })
    try {
      const uploaded = await api.uploadPhoto({ path: item.localPath, source: item.source })
      update(item.key, { id: uploaded.id, url: uploaded.url, uploading: false, error: undefined })
    } catch (e) {
      const code = (e as { code?: string }).code
      update(item.key, { uploading: false, error: errorMessage(e), retryable: !(code && FINAL_UPLOAD_ERRORS.includes(code)) })
    }
  }

  async function add() {
    const room = max - photos.length
    if (room <= 0 || disabled) return
    const { images, dropped } = await platform.choosePhotos({ count: room, maxBytes: MAX_PHOTO_BYTES })
    setNotice(droppedPhotosMessage(dropped, { maxCount: max, remainingOnly: max < MAX_CASE_PHOTOS, maxBytes: MAX_PHOTO_BYTES }))
    const items: PhotoItem[] = images.map((f) => ({ key: nextKey(), localPath: f.path, source: f.source }))
    onChange((prev) => [...prev, ...items])
    // One at a time: WeChat allows few parallel requests and photos are large.
    for (const item of items) await uploadOne(item)
  }

  function preview(item: PhotoItem) {
    if (item.error && !item.uploading) {
      // Tap a failed photo to try again, unless no retry can help (then only removing it does).
      if (item.localPath && item.retryable !== false) void uploadOne(item)
      return
    }
    const urls = photos.map((p) => p.localPath).filter((p): p is string => Boolean(p))
    if (item.localPath) void Taro.previewImage({ urls, current: item.localPath })
  }

  return (
    <View className='photo-picker' id={`${idPrefix}-photos`}>
      {photos.map((p, index) => (
        <View key={p.key} className='photo-picker__cell' id={`${idPrefix}-photo-${index}`}>
          {p.localPath ? (
            <Image className='photo-picker__image' src={p.localPath} mode='aspectFill' nativeProps={{ alt: `已选照片${index + 1}` }} onClick={() => preview(p)} />
          ) : p.url ? (
            <AuthImage className='photo-picker__image' url={p.url} />
          ) : (
            <View className='photo-picker__image' />
          )}
          {(p.uploading || p.error) && (
            <View className={`photo-picker__state${p.error ? ' photo-picker__state--error' : ''}`} onClick={() => preview(p)}>
              <Text>{p.uploading ? '上传中' : p.retryable === false ? '无法上传，请删除' : p.localPath ? '失败，点击重试' : '失败'}</Text>
            </View>
          )}
          {!disabled && (
            <View
              className='photo-picker__remove'
              id={`${idPrefix}-photo-remove-${index}`}
              ariaRole='button'
              ariaLabel='删除这张图片'
              onClick={() => onChange((prev) => prev.filter((x) => x.key !== p.key))}
            >
              <Text>×</Text>
            </View>
          )}
        </View>
      ))}
      {photos.length < max && !disabled && (
        <View className='photo-picker__cell photo-picker__add' id={`${idPrefix}-photo-add`} ariaRole='button' ariaLabel='添加图片' onClick={() => void add()}>
          <Text className='photo-picker__plus'>+</Text>
          <Text className='photo-picker__count'>
            {photos.length}/{max}
          </Text>
        </View>
      )}
      {notice && (
        <View className='photo-picker__notice' id={`${idPrefix}-photo-notice`} ariaRole='alert'>
          <Text>{notice}</Text>
        </View>
      )}
      {photos.find((p) => p.error) && <Text className='error-text photo-picker__error'>{photos.find((p) => p.error)?.error}</Text>}
    </View>
  )
}
