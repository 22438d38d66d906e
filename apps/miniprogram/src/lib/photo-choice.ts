import { detectImageType, IMAGE_TYPES_LABEL } from '@jws/contracts'

import type { ChoosePhotosOptions, DroppedPhotos } from '../platform/types'

/** What a picked file turned out to be. */
export type PickedKind = 'image' | 'unsupported_image' | 'not_image'

export interface PickedFile<T> {
  file: T
  size: number
  kind: PickedKind
}

export const NOTHING_DROPPED: Readonly<DroppedPhotos> = { notImage: 0, unsupportedImage: 0, tooLarge: 0, overCount: 0 }

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]): boolean =>
  bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b)

/** ISO media brands of still images (HEIC/HEIF from iPhones, AVIF). */
const IMAGE_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'].map(ascii)

/**
 * Whether the first bytes are those of a real image format the service does not accept: GIF,
 * HEIC/HEIF/AVIF, BMP (BM, then the size and four reserved zero bytes), TIFF. Within IMAGE_SIGNATURE_BYTES (12) like detectImageType.
 */
function isOtherImageFormat(head: Uint8Array): boolean {
  return (
    startsWith(head, 0, ascii('GIF87a')) ||
    startsWith(head, 0, ascii('GIF89a')) ||
    (startsWith(head, 4, ascii('ftyp')) && IMAGE_BRANDS.some((brand) => startsWith(head, 8, brand))) ||
    (startsWith(head, 0, ascii('BM')) && startsWith(head, 6, [0, 0, 0, 0])) ||
    startsWith(head, 0, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(head, 0, [0x4d, 0x4d, 0x00, 0x2a])
  )
}

/**
 * A picked file's kind from its first bytes — the check the service makes — never from its name
 * or declared type: a text file renamed .jpg is no image at all, while a GIF or an iPhone's HEIC
 * is an image in a format the service refuses.
 */
export function kindOfPickedFile(head: Uint8Array): PickedKind {
  if (detectImageType(head)) return 'image'
  return isOtherImageFormat(head) ? 'unsupported_image' : 'not_image'
}

/**
 * The picked files that can be uploaded, in the order picked, at most `count`; the others are
 * counted by reason. A file the service would refuse never takes the place of one it accepts.
 */
export function selectPhotos<T>(picked: readonly PickedFile<T>[], { count, maxBytes }: ChoosePhotosOptions): { accepted: T[]; dropped: DroppedPhotos } {
  const dropped = { ...NOTHING_DROPPED }
  const accepted: T[] = []
  for (const p of picked) {
    if (p.kind === 'not_image') dropped.notImage += 1
    else if (p.kind === 'unsupported_image') dropped.unsupportedImage += 1
    else if (maxBytes !== undefined && p.size > maxBytes) dropped.tooLarge += 1
    else if (accepted.length >= count) dropped.overCount += 1
    else accepted.push(p.file)
  }
  return { accepted, dropped }
}

function sizeLabel(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return Number.isInteger(mb) ? `${mb}MB` : `${Math.round(bytes / 1024)}KB`
}

export interface PhotoLimits {
  /** The most photos the form takes. */
  maxCount: number
  /** True when maxCount is what is left of a larger allowance (photos added to a report that has some). */
  remainingOnly?: boolean
  maxBytes?: number
}

/** What the picker tells the person about the files it left out; '' when it left none out. */
export function droppedPhotosMessage(dropped: DroppedPhotos, limits: PhotoLimits): string {
  const parts: string[] = []
  if (dropped.notImage > 0) parts.push(`已忽略${dropped.notImage}个非图片文件（仅支持 ${IMAGE_TYPES_LABEL}）`)
  if (dropped.unsupportedImage > 0) parts.push(`已忽略${dropped.unsupportedImage}张格式不支持的图片（仅支持 ${IMAGE_TYPES_LABEL}）`)
  if (dropped.tooLarge > 0) {
    parts.push(limits.maxBytes === undefined ? `已忽略${dropped.tooLarge}张过大的照片` : `已忽略${dropped.tooLarge}张超过${sizeLabel(limits.maxBytes)}的照片`)
  }
  if (dropped.overCount > 0) {
    const limit = limits.remainingOnly ? `最多还能添加${limits.maxCount}张照片` : `最多${limits.maxCount}张照片`
    parts.push(`${limit}，已忽略${dropped.overCount}张`)
  }
  return parts.join('；')
}
