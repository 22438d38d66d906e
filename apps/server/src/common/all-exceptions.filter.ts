import { ApiErrorBody, ERROR_MESSAGES, ErrorCode } from '@jws/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RETRY_AFTER_SECONDS, unreachableDependency } from './dependency-down';
import { DomainException, httpStatusOf } from './domain.exception';
import { sendError } from './send-error';
import { Open311ExceptionFilter } from '../open311/open311.errors';

/**
 * The one place errors become HTTP. Domain errors → `{ code, message }`; framework HTTP errors →
 * a matching code; the database or Redis out of reach → 503 SERVICE_UNAVAILABLE naming it, with
 * `Retry-After`; anything else → 500 with an error id that is also in the log. Never a stack trace.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    // Open311 has its own error format, also for errors before its controller (an unreadable body).
    if (req.url.startsWith('/open311/')) return new Open311ExceptionFilter().catch(exception, host);
    const { status, body } = this.toBody(exception, req);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
    if (status === HttpStatus.SERVICE_UNAVAILABLE) headers['retry-after'] = String(RETRY_AFTER_SECONDS);
    sendError(reply, status, headers, JSON.stringify(body));
  }

  private toBody(exception: unknown, req: FastifyRequest): { status: number; body: ApiErrorBody } {
    if (exception instanceof DomainException) {
      const body: ApiErrorBody = { code: exception.code, message: exception.message };
      if (exception.details?.length) body.details = exception.details;
      return { status: httpStatusOf(exception.code), body };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, body: { code: ErrorCode.RateLimited, message: ERROR_MESSAGES[ErrorCode.RateLimited] } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForStatus(status);
      if (code) {
        const body: ApiErrorBody = { code, message: ERROR_MESSAGES[code] };
        const details = validationDetails(exception);
        if (details) body.details = details;
        return { status, body };
      }
    }
    const dependency = unreachableDependency(exception);
    if (dependency) {
      this.logger.warn({ requestId: req.id, dependency, err: exception instanceof Error ? exception.message : String(exception) }, `${dependency} unreachable`);
      return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { code: ErrorCode.ServiceUnavailable, message: ERROR_MESSAGES[ErrorCode.ServiceUnavailable], details: [dependency] } };
    }
    // body-parser's own errors (http-errors: an exposable 4xx status) reach here before any
    // controller: an unreadable or oversized body is the client's, not a 500.
    const clientStatus = bodyParserStatus(exception);
    if (clientStatus) {
      const code = clientStatus === 413 ? ErrorCode.PayloadTooLarge : codeForStatus(clientStatus) ?? ErrorCode.ValidationFailed;
      return { status: clientStatus, body: { code, message: ERROR_MESSAGES[code] } };
    }
    const errorId = randomUUID();
    this.logger.error(
      { errorId, requestId: req.id, err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) },
      'unexpected error',
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: ErrorCode.Internal, message: ERROR_MESSAGES[ErrorCode.Internal], errorId },
    };
  }
}

/** The status of a body-parser error (`{ expose: true, status: 413, type: 'entity.too.large' }`), else null. */
function bodyParserStatus(exception: unknown): number | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { expose, status, type } = exception as { expose?: unknown; status?: unknown; type?: unknown };
  if (expose !== true || typeof type !== 'string' || typeof status !== 'number') return null;
  return status >= 400 && status < 500 ? status : null;
}

function codeForStatus(status: number): ErrorCode | null {
  switch (status) {
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 400:
    case 415:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
    case 405:
      return ErrorCode.NotFound;
    case 429:
      return ErrorCode.RateLimited;
    case 503:
      return ErrorCode.ServiceUnavailable;
    default:
      return null;
  }
}

function validationDetails(exception: HttpException): string[] | null {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null) {
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.map(String);
    if (typeof message === 'string' && exception.getStatus() === 400) return [message];
  }
  return null;
}
