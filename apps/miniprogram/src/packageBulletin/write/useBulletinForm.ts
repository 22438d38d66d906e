import { useState, type SetStateAction } from 'react'
import { uploadedIds, type PhotoItem } from '../../components/PhotoPicker'
import {
  blocksFromText, bulletinContentProblems, BulletinKind, textFromBlocks, WarningType, type BulletinContent, type BulletinDetail,
} from '@jws/contracts'

export interface BulletinForm {
  kind: BulletinKind | null
  warningType: WarningType | null
  title: string
  text: string
  legalBasis: string
  tags: string
  /** 预警 only: 紧急 (reviewed within a deadline, or escalated). */
  urgent: boolean
  /** Up to 9 images, uploaded through /api/uploads as they are chosen. */
  photos: PhotoItem[]
}

const EMPTY: BulletinForm = { kind: null, warningType: null, title: '', text: '', legalBasis: '', tags: '', urgent: false, photos: [] }

export function formOf(b: BulletinDetail): BulletinForm {
  return {
    kind: b.kind, warningType: b.warningType, title: b.title, text: textFromBlocks(b.body), legalBasis: b.legalBasis ?? '', tags: b.tags.join('，'), urgent: b.urgent,
    photos: b.imageIds.map((id, i) => ({ key: `saved-${id}`, id, url: b.imageUrls[i] })),
  }
}

/** The content a form sends, and what the server would refuse in it (said before sending). */
export function contentOf(form: BulletinForm): { content: BulletinContent | null; problems: string[] } {
  if (!form.kind) return { content: null, problems: ['请选择公告类别'] }
  const imageIds = uploadedIds(form.photos)
  if (!imageIds) return { content: null, problems: ['图片还在上传或上传失败，请稍候或删除后重试'] }
  const content: BulletinContent = {
    kind: form.kind,
    ...(form.kind === BulletinKind.Warning && form.warningType ? { warningType: form.warningType } : {}),
    title: form.title.trim(),
    body: blocksFromText(form.text),
    ...(form.legalBasis.trim() ? { legalBasis: form.legalBasis.trim() } : {}),
    tags: form.tags.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean),
    ...(imageIds.length ? { imageIds } : {}),
    ...(form.kind === BulletinKind.Warning && form.urgent ? { urgent: true } : {}),
  }
  const problems = bulletinContentProblems(content)
  return { content: problems.length ? null : content, problems }
}

/** The writing form's state: empty for a new bulletin, or filled from the one being edited. */
export function useBulletinForm(initial?: BulletinDetail) {
  const [form, setForm] = useState<BulletinForm>(initial ? formOf(initial) : EMPTY)
  const set = <K extends keyof BulletinForm>(key: K, value: BulletinForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  // Uploads finish one after another: each change applies to the photos as they are then.
  const setPhotos = (next: SetStateAction<PhotoItem[]>) => setForm((f) => ({ ...f, photos: typeof next === 'function' ? next(f.photos) : next }))
  return { form, set, setPhotos }
}
