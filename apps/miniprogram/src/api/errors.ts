import { ERROR_MESSAGES, ErrorCode, isApiErrorBody } from '@jws/contracts'

/** Failures that happen on the client side, before or instead of a server answer. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'SIGNED_OUT'

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  BAD_RESPONSE: '服务器返回了无法识别的内容，请稍后再试',
  SIGNED_OUT: '请先登录',
}

/**
 * Every failed API call rejects with an ApiError carrying the server's `{ code, message }`.
 * `message` is Chinese and meant to be shown to the person as it is.
 */
export class ApiError extends Error {
  readonly isApiError = true
  readonly code: ErrorCode | ClientErrorCode
  readonly status: number
  readonly errorId?: string
  readonly details?: string[]

  constructor(code: ErrorCode | ClientErrorCode, message: string, status = 0, errorId?: string, details?: string[]) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.errorId = errorId
    this.details = details
  }

  static client(code: ClientErrorCode): ApiError {
    return new ApiError(code, CLIENT_MESSAGES[code])
  }

  /** Builds the error from a non-2xx response, falling back to a generic message per status. */
  static fromResponse(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body)) return new ApiError(body.code, body.message, status, body.errorId, body.details)
    const code = status === 401 ? ErrorCode.Unauthenticated
      : status === 403 ? ErrorCode.Forbidden
        : status === 404 ? ErrorCode.NotFound
          : status === 429 ? ErrorCode.RateLimited
            : ErrorCode.Internal
    return new ApiError(code, ERROR_MESSAGES[code], status)
  }
}

/** `instanceof` is unreliable for Error subclasses after down-levelling, so check the brand. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && (value as ApiError).isApiError === true
}

/** The message to show a person for any thrown value. */
export function errorMessage(value: unknown): string {
  if (isApiError(value)) return value.errorId ? `${value.message}（错误编号 ${value.errorId}）` : value.message
  return ERROR_MESSAGES[ErrorCode.Internal]
}
