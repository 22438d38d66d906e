import Taro from '@tarojs/taro'
import { ErrorCode, httpPath, type HttpCall, type HttpResponse, type HttpRoute, type LoginResponse, type RefreshRequest } from '@jws/contracts'

import { ApiError, isApiError } from './errors'
import { clearAuth, readAuth, writeAuth } from './tokens'
import { platform } from '../platform'
import type { ChosenImage } from '../platform/types'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  /** Send the bearer token (default). Login endpoints pass false. */
  auth?: boolean
  query?: Record<string, string | number | undefined>
  /** Extra headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>
}

interface AuthHooks {
  /** Resolves once a session exists (weapp logs in silently); rejects when the person must log in. */
  ensureSession: () => Promise<void>
  /** Tokens are gone for good: clear the session and send the person to the login page. */
  onAuthLost: () => void
}

let hooks: AuthHooks = {
  ensureSession: async () => undefined,
  onAuthLost: () => undefined,
}

/** Wired once by src/session/auth.ts; kept as a hook so the client does not import pages or navigation. */
export function configureAuth(next: AuthHooks): void {
  hooks = next
}

/** One refresh at a time: concurrent 401s wait for the same refresh (refresh tokens are single use). */
let refreshInFlight: Promise<void> | null = null

/** Absolute URL of an API path (weapp needs the origin; h5 uses its own: API_BASE_URL is ''). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  if (/^https?:\/\//.test(path)) return path
  const params = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `${API_BASE_URL}${path}${params.length ? `?${params.join('&')}` : ''}`
}

async function send(method: Method, path: string, body: unknown, options: RequestOptions, accessToken: string | null) {
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  if (accessToken) header.Authorization = `Bearer ${accessToken}`
  try {
    return await Taro.request<unknown>({
      url: apiUrl(path, options.query),
      method,
      data: body as Record<string, unknown> | undefined,
      header,
      dataType: 'json',
      timeout: 15000,
    })
  } catch {
    throw ApiError.client('NETWORK_ERROR')
  }
}

async function refreshTokens(): Promise<void> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      const stored = readAuth()
      if (!stored) throw ApiError.client('SIGNED_OUT')
      const body: RefreshRequest = { refreshToken: stored.refreshToken }
      const res = await send('POST', '/api/auth/refresh', body, { auth: false }, null)
      if (res.statusCode < 200 || res.statusCode >= 300) throw ApiError.fromResponse(res.statusCode, res.data)
      const login = res.data as LoginResponse
      writeAuth(login, login.user ?? stored.user)
    })().finally(() => {
      refreshInFlight = null
    })
  }
  return refreshInFlight
}

function authLost(): never {
  clearAuth()
  hooks.onAuthLost()
  throw ApiError.client('SIGNED_OUT')
}

/** Only a refused refresh token ends the session; a network failure or rate limit does not. */
function refreshRefused(error: unknown): boolean {
  if (!isApiError(error)) return false
  return error.status === 400 || error.status === 401 || error.code === 'SIGNED_OUT'
}

interface RawResponse {
  statusCode: number
  data?: unknown
}

/**
 * Sends with the current access token; an expired one is refreshed once and the call repeated
 * (`sendWith` runs again with the new token). A refused token or refresh ends the session.
 */
async function withAuth<R extends RawResponse>(sendWith: (accessToken: string | null) => Promise<R>): Promise<R> {
  await hooks.ensureSession()
  const usedToken = readAuth()?.accessToken ?? null
  let res = await sendWith(usedToken)

  if (res.statusCode === 401) {
    const error = ApiError.fromResponse(res.statusCode, parseBody(res.data))
    if (error.code !== ErrorCode.TokenExpired) authLost()
    // Another request may already have refreshed while this one was in flight.
    if (readAuth()?.accessToken === usedToken) {
      try {
        await refreshTokens()
      } catch (refreshError) {
        if (refreshRefused(refreshError)) authLost()
        throw refreshError
      }
    }
    res = await sendWith(readAuth()?.accessToken ?? null)
    if (res.statusCode === 401) authLost()
  }
  return res
}

/** uploadFile answers a string; request answers parsed JSON. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

/**
 * The one way pages talk to the server. Resolves with the parsed body of a 2xx answer;
 * rejects with ApiError otherwise. An expired access token is refreshed once and the
 * request retried; a failed refresh ends the session.
 */
export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const res = options.auth === false
    ? await send(method, path, body, options, null)
    : await withAuth((token) => send(method, path, body, options, token))
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  throw ApiError.fromResponse(res.statusCode, res.data)
}

type CallOptions<R extends HttpRoute> = HttpCall<R> & Pick<RequestOptions, 'auth' | 'headers'>

/**
 * One route of the API table (`HttpApi` in @jws/contracts): its path parameters filled in, the body
 * and query the table gives it, and the one shape it answers.
 */
export function call<R extends HttpRoute>(
  route: R,
  ...[options]: object extends CallOptions<R> ? [CallOptions<R>?] : [CallOptions<R>]
): Promise<HttpResponse<R>> {
  const { params, body, query, auth, headers } = (options ?? {}) as {
    params?: Record<string, string | number>
    body?: unknown
    query?: object
    auth?: boolean
    headers?: Record<string, string>
  }
  const method = route.slice(0, route.indexOf(' ')) as Method
  return request<HttpResponse<R>>(method, httpPath(route, params), body, { auth, headers, query: query as RequestOptions['query'] })
}

/** multipart POST of one chosen photo (see platform.uploadFile). */
export async function upload<R extends HttpRoute>(route: R, image: Pick<ChosenImage, 'path' | 'source'>, field = 'file'): Promise<HttpResponse<R>> {
  const path = httpPath(route)
  const res = await withAuth(async (token) => {
    const header: Record<string, string> = { Accept: 'application/json' }
    if (token) header.Authorization = `Bearer ${token}`
    try {
      return await platform.uploadFile({ url: apiUrl(path), image, field, header })
    } catch {
      throw ApiError.client('NETWORK_ERROR')
    }
  })
  const body = parseBody(res.data)
  if (res.statusCode >= 200 && res.statusCode < 300) return body as HttpResponse<R>
  throw ApiError.fromResponse(res.statusCode, body)
}

/** GET a file that needs the bearer token (case photos) → a local path an Image can show. */
export async function download(path: string): Promise<string> {
  const res = await withAuth(async (token) => {
    try {
      const r = await platform.downloadFile(apiUrl(path), token ? { Authorization: `Bearer ${token}` } : {})
      return { statusCode: r.statusCode, data: r.body, path: r.path }
    } catch {
      throw ApiError.client('NETWORK_ERROR')
    }
  })
  if (res.statusCode >= 200 && res.statusCode < 300 && res.path) return res.path
  throw ApiError.fromResponse(res.statusCode, res.data)
}
