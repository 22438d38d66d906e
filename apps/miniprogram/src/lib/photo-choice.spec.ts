import { droppedPhotosMessage, kindOfPickedFile, NOTHING_DROPPED, selectPhotos, type PickedFile } from './photo-choice'

const MB = 1024 * 1024
const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG_HEAD = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])
const text = (value: string) => new TextEncoder().encode(value)

const photo = (name: string, size = 200_000): PickedFile<string> => ({ file: name, size, kind: 'image' })

describe('kindOfPickedFile', () => {
  it('goes by the bytes, whatever the file claims to be (name or declared type)', () => {
    expect(kindOfPickedFile(PNG_HEAD)).toBe('image')
    expect(kindOfPickedFile(JPEG_HEAD)).toBe('image')
    expect(kindOfPickedFile(text('%PDF-1.7\n%âãÏÓ'))).toBe('not_image')
  })

  it('counts a text file renamed .jpg as a non-image file, not as an unsupported image', () => {
    const renamed = kindOfPickedFile(text('这是一份文本说明，不是照片'))
    expect(renamed).toBe('not_image')
    const { dropped } = selectPhotos([{ file: '说明.jpg', size: 40, kind: renamed }], { count: 9 })
    expect(droppedPhotosMessage(dropped, { maxCount: 9 })).toBe('已忽略1个非图片文件（仅支持 JPG、PNG、WebP）')
  })

  it('tells an image the service refuses (GIF, HEIC) from a file that is no image at all', () => {
    expect(kindOfPickedFile(text('GIF89a......'))).toBe('unsupported_image')
    expect(kindOfPickedFile(text('\0\0\0\x18ftypheic'))).toBe('unsupported_image')
    expect(kindOfPickedFile(text('GIF87a......'))).toBe('unsupported_image')
    expect(kindOfPickedFile(text('\0\0\0\x1cftypmif1'))).toBe('unsupported_image')
    expect(kindOfPickedFile(text('\0\0\0\x20ftypavif'))).toBe('unsupported_image')
    expect(kindOfPickedFile(text('BM6\0\0\0\0\0\0\0'))).toBe('unsupported_image')
    expect(kindOfPickedFile(text('BMW 车辆说明'))).toBe('not_image')
    expect(kindOfPickedFile(text('\0\0\0\x18ftypmp42'))).toBe('not_image')
    expect(kindOfPickedFile(text('%PDF-1.7\n%âãÏÓ'))).toBe('not_image')
    expect(kindOfPickedFile(new Uint8Array(0))).toBe('not_image')
  })
})

describe('selectPhotos', () => {
  it('keeps the images in the order picked and counts each file left out by its reason', () => {
    const picked: PickedFile<string>[] = [
      { file: 'notice.pdf', size: 30_000, kind: 'not_image' },
      photo('a.png'),
      { file: 'b.gif', size: 30_000, kind: 'unsupported_image' },
      photo('huge.jpg', 5 * MB + 1),
      photo('c.jpg'),
    ]
    expect(selectPhotos(picked, { count: 9, maxBytes: 5 * MB })).toEqual({
      accepted: ['a.png', 'c.jpg'],
      dropped: { notImage: 1, unsupportedImage: 1, tooLarge: 1, overCount: 0 },
    })
  })

  it('takes at most `count`, and a refused file does not use up a place', () => {
    const picked = [{ file: 'x.pdf', size: 10, kind: 'not_image' as const }, photo('1'), photo('2'), photo('3'), photo('4')]
    expect(selectPhotos(picked, { count: 2 })).toEqual({
      accepted: ['1', '2'],
      dropped: { ...NOTHING_DROPPED, notImage: 1, overCount: 2 },
    })
  })

  it('takes a file of exactly the size limit, and any size when no limit is known', () => {
    expect(selectPhotos([photo('edge', 5 * MB)], { count: 1, maxBytes: 5 * MB }).accepted).toEqual(['edge'])
    expect(selectPhotos([photo('big', 50 * MB)], { count: 1 }).accepted).toEqual(['big'])
  })

  it('takes nothing when no place is left', () => {
    expect(selectPhotos([photo('1')], { count: 0 })).toEqual({ accepted: [], dropped: { ...NOTHING_DROPPED, overCount: 1 } })
  })
})

describe('droppedPhotosMessage', () => {
  const limits = { maxCount: 9, maxBytes: 5 * MB }

  it('says nothing when nothing was left out', () => {
    expect(droppedPhotosMessage(NOTHING_DROPPED, limits)).toBe('')
  })

  it('names each reason with its count and the rule behind it', () => {
    expect(droppedPhotosMessage({ ...NOTHING_DROPPED, notImage: 1 }, limits)).toBe('已忽略1个非图片文件（仅支持 JPG、PNG、WebP）')
    expect(droppedPhotosMessage({ ...NOTHING_DROPPED, unsupportedImage: 2 }, limits)).toBe('已忽略2张格式不支持的图片（仅支持 JPG、PNG、WebP）')
    expect(droppedPhotosMessage({ ...NOTHING_DROPPED, tooLarge: 1 }, limits)).toBe('已忽略1张超过5MB的照片')
    expect(droppedPhotosMessage({ ...NOTHING_DROPPED, overCount: 2 }, limits)).toBe('最多9张照片，已忽略2张')
  })

  it('says what is left of the allowance when photos are added to a report that has some', () => {
    expect(droppedPhotosMessage({ ...NOTHING_DROPPED, overCount: 3 }, { maxCount: 4, remainingOnly: true })).toBe('最多还能添加4张照片，已忽略3张')
  })

  it('joins several reasons into one message', () => {
    expect(droppedPhotosMessage({ notImage: 1, unsupportedImage: 0, tooLarge: 1, overCount: 2 }, limits)).toBe(
      '已忽略1个非图片文件（仅支持 JPG、PNG、WebP）；已忽略1张超过5MB的照片；最多9张照片，已忽略2张',
    )
  })
})
