import { CaseKind } from '@jws/contracts'

import { draftErrors, errorsSummary, titlePlaceholder } from './report-check'

describe('report form check', () => {
  const empty = { kind: null, title: '', description: '', addressText: '' }

  it('names every missing field at once, not only the first', () => {
    const errors = draftErrors({ ...empty, kind: CaseKind.Hazard })
    expect(errors).toEqual({ title: '请填写标题', description: '请描述具体情况', address: '请填写隐患的具体位置' })
    expect(errorsSummary(errors)).toBe('还有3项需要填写：标题、详细描述、具体位置（已用红色标出）')
    expect(Object.keys(draftErrors(empty))).toEqual(['kind', 'title', 'description'])
  })

  it('says the problem itself when only one field is wrong, and nothing when all is well', () => {
    expect(errorsSummary(draftErrors({ ...empty, kind: CaseKind.Dispute, title: '噪音' }))).toBe('请描述具体情况')
    expect(errorsSummary(draftErrors({ kind: CaseKind.Dispute, title: '噪音', description: '每晚', addressText: '' }))).toBeNull()
  })

  it('gives each kind its own title example, short enough for a 375 px line', () => {
    const examples = Object.values(CaseKind).map(titlePlaceholder)
    expect(new Set(examples).size).toBe(examples.length)
    for (const e of examples) expect([...e].length).toBeLessThanOrEqual(14)
  })
})
