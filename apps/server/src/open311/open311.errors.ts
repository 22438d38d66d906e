import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sendError } from '../common/send-error';
import { DomainException, httpStatusOf } from '../common/domain.exception';

/** One GeoReport v2 error; responses are always an array of them: `[{ code, description }]`. */
export interface Open311ErrorBody {
  code: number;
  description: string;
}

/** An error of the Open311 API: the HTTP status is also the `code`, the description is Chinese. */
export class Open311Exception extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }

  static badRequest = (description: string) => new Open311Exception(400, description);
  static notFound = (description = '未找到该资源') => new Open311Exception(404, description);
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: '请求格式不正确（JSON 或表单无法解析）',
  401: '未授权',
  403: '无权进行此操作',
  404: '未找到该资源',
  405: '不支持该请求方法',
  409: '请求冲突',
  413: '请求内容过大',
  415: '不支持的内容类型，请使用 JSON 或表单格式',
  429: '请求太频繁，请稍后再试',
};

/**
 * Bound to the Open311 controller (it takes precedence over the global filter there): every
 * error of this API in the GeoReport format, never the service's `{ code, message }` body and
 * never a stack trace. Unexpected errors are logged with an id, which the description quotes.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const error = this.toError(exception, req);
    sendError(reply, error.code, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify([error]));
  }

  private toError(exception: unknown, req: FastifyRequest): Open311ErrorBody {
    if (exception instanceof Open311Exception) return { code: exception.status, description: exception.description };
    if (exception instanceof DomainException) {
      const details = exception.details?.length ? `：${exception.details.join('；')}` : '';
      return { code: httpStatusOf(exception.code), description: `${exception.message}${details}` };
    }
    if (exception instanceof ThrottlerException) return { code: 429, description: STATUS_DESCRIPTIONS[429] };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (STATUS_DESCRIPTIONS[status]) return { code: status, description: STATUS_DESCRIPTIONS[status] };
    }
    // Errors of the body parsers before routing (http-errors: a client status, safe to expose).
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus) return { code: clientStatus, description: STATUS_DESCRIPTIONS[clientStatus] ?? STATUS_DESCRIPTIONS[400] };
    const errorId = randomUUID();
    this.logger.error(
      { errorId, requestId: req.id, err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) },
      'unexpected error',
    );
    return { code: 500, description: `系统繁忙，请稍后再试（错误编号 ${errorId}）` };
  }
}

function clientErrorStatus(exception: unknown): number | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : null;
}
