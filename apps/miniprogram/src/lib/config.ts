/** One-time subscribe-message templates asked for on submit (build-time SUBSCRIBE_TEMPLATE_IDS; WeChat takes ≤ 3). */
export const SUBSCRIBE_TEMPLATES: readonly string[] = SUBSCRIBE_TEMPLATE_IDS.split(',')
  .map((id) => id.trim())
  .filter(Boolean)
  .slice(0, 3)
