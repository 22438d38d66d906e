import { useState } from 'react'
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
}

const EMPTY: BulletinForm = { kind: null, warningType: null, title: '', text: '', legalBasis: '', tags: '' }

export function formOf(b: BulletinDetail): BulletinForm {
  return { kind: b.kind, warningType: b.warningType, title: b.title, text: textFromBlocks(b.body), legalBasis: b.legalBasis ?? '', tags: b.tags.join('，') }
}

/** The content a form sends, and what the server would refuse in it (said before sending). */
export function contentOf(form: BulletinForm): { content: BulletinContent | null; problems: string[] } {
  if (!form.kind) return { content: null, problems: ['请选择公告类别'] }
  const content: BulletinContent = {
    kind: form.kind,
    ...(form.kind === BulletinKind.Warning && form.warningType ? { warningType: form.warningType } : {}),
    title: form.title.trim(),
    body: blocksFromText(form.text),
    ...(form.legalBasis.trim() ? { legalBasis: form.legalBasis.trim() } : {}),
    tags: form.tags.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean),
  }
  const problems = bulletinContentProblems(content)
  return { content: problems.length ? null : content, problems }
}

/** The writing form's state: empty for a new bulletin (of `kind`, when started from a rumour), or filled from the one being edited. */
export function useBulletinForm(initial?: BulletinDetail, kind?: BulletinKind) {
  const [form, setForm] = useState<BulletinForm>(initial ? formOf(initial) : { ...EMPTY, kind: kind ?? null })
  const set = <K extends keyof BulletinForm>(key: K, value: BulletinForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  return { form, set }
}
