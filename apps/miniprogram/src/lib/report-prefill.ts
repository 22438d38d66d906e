import type { ReportPrefill } from '@jws/contracts'

import type { ReportDraft } from './report-draft'

/**
 * A 上报 form to open with a kind and subcategory chosen (办事指引's 上报矛盾纠纷 / 上报安全隐患).
 * 上报 is a tab page, and switching tabs carries no query, so the choice waits here until the
 * form takes it (the same JS context in the mini program and the browser).
 */
let pending: ReportPrefill | null = null

export function prefillReport(prefill: ReportPrefill): void {
  pending = prefill
}

/** The waiting choice, once. */
export function takeReportPrefill(): ReportPrefill | null {
  const taken = pending
  pending = null
  return taken
}

/** The draft with a kind and subcategory chosen for it (the rest of what was typed is kept). */
export function withPrefill(draft: ReportDraft, prefill: ReportPrefill | null): ReportDraft {
  return prefill ? { ...draft, kind: prefill.kind, subcategory: prefill.subcategory } : draft
}
