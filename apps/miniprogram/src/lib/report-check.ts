import { CASE_DESCRIPTION_MAX, CASE_TITLE_MAX, CaseKind } from '@jws/contracts'

/** The 上报 form's fields that can stop a submission. */
export type ReportField = 'kind' | 'title' | 'description' | 'address' | 'occurred'
export type FieldErrors = Partial<Record<ReportField, string>>

/** What the form holds, as far as checking it goes. */
export interface CheckedDraft {
  kind: CaseKind | null
  title: string
  description: string
  addressText: string
}

const FIELD_NAMES: Record<ReportField, string> = {
  kind: '上报类型',
  title: '标题',
  description: '详细描述',
  address: '具体位置',
  occurred: '发生时间',
}
/** In the order the form shows them. */
const ORDER: readonly ReportField[] = ['kind', 'title', 'description', 'address', 'occurred']

/** Each field's problem, all of them at once (not the first only), so the form can mark every one. */
export function draftErrors(d: CheckedDraft, occurredError?: string): FieldErrors {
  const errors: FieldErrors = {}
  const title = d.title.trim()
  const description = d.description.trim()
  if (!d.kind) errors.kind = '请选择上报类型'
  if (!title) errors.title = '请填写标题'
  else if (title.length > CASE_TITLE_MAX) errors.title = `标题不能超过${CASE_TITLE_MAX}个字`
  if (!description) errors.description = '请描述具体情况'
  else if (description.length > CASE_DESCRIPTION_MAX) errors.description = `情况描述不能超过${CASE_DESCRIPTION_MAX}个字`
  if (d.kind === CaseKind.Hazard && !d.addressText.trim()) errors.address = '请填写隐患的具体位置'
  if (occurredError) errors.occurred = occurredError
  return errors
}

/** One line over the submit button: the problem itself when there is one, else what to look for. */
export function errorsSummary(errors: FieldErrors): string | null {
  const fields = ORDER.filter((f) => errors[f])
  if (fields.length === 0) return null
  if (fields.length === 1) return errors[fields[0]] as string
  return `还有${fields.length}项需要填写：${fields.map((f) => FIELD_NAMES[f]).join('、')}（已用红色标出）`
}

/** The title's example for each kind: short enough for one line at 375 px. */
const TITLE_EXAMPLES: Record<CaseKind, string> = {
  [CaseKind.Dispute]: '如：楼上装修噪音扰民',
  [CaseKind.Hazard]: '如：楼道杂物堵住消防通道',
  [CaseKind.CrimeLead]: '如：出租屋疑似聚众赌博',
  [CaseKind.Anomaly]: '如：陌生人深夜多次撬门',
  [CaseKind.ServiceNeed]: '如：独居老人家中无人应门',
  [CaseKind.Question]: '如：怎样办理居住证',
}
export const titlePlaceholder = (kind: CaseKind | null): string => (kind ? TITLE_EXAMPLES[kind] : '一句话说明事情')
