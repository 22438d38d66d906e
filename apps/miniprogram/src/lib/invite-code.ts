/**
 * The invite code a page was opened with: `?code=` from a link, or `?scene=` from a
 * mini-program code (WeChat URL-encodes the scene; it may be the bare code or `code=…`).
 */
export function inviteCodeFromParams(params: Record<string, string | undefined>): string {
  if (params.code) return safeDecode(params.code).trim()
  if (!params.scene) return ''
  const scene = safeDecode(params.scene).trim()
  if (!scene.includes('=')) return scene
  for (const pair of scene.split('&')) {
    const [key, value = ''] = pair.split('=')
    if (key === 'code' || key === 'c') return value.trim()
  }
  return ''
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
