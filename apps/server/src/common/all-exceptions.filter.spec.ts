import { ErrorCode } from '@jws/contracts';
import { ArgumentsHost, BadRequestException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainException, httpStatusOf } from './domain.exception';

function run(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const out = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  // The part of Fastify's reply the filter uses (common/send-error.ts).
  const reply = {
    sent: false,
    raw: { headersSent: false },
    code(s: number) { out.status = s; return this; },
    removeHeader() { return this; },
    headers(h: Record<string, string>) { for (const [name, value] of Object.entries(h)) out.headers[name.toLowerCase()] = value; return this; },
    send(b: string) { out.body = JSON.parse(b) as Record<string, unknown>; return this; },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ id: 'req-1', url: '/api/cases' }) }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return out;
}

describe('error mapping', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  it('gives every error code an HTTP status', () => {
    for (const code of Object.values(ErrorCode)) expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
  });

  it('answers a domain error with its code and Chinese message', () => {
    const { status, body } = run(new DomainException(ErrorCode.InviteInvalid));
    expect(status).toBe(HttpStatus.BAD_REQUEST);
    expect(body).toEqual({ code: ErrorCode.InviteInvalid, message: '邀请码无效，请核对后重新输入' });
  });

  it('maps framework errors to codes', () => {
    expect(run(new NotFoundException()).body.code).toBe(ErrorCode.NotFound);
    expect(run(new BadRequestException(['code must be a string'])).body).toMatchObject({
      code: ErrorCode.ValidationFailed, details: ['code must be a string'],
    });
    expect(run(new ThrottlerException()).status).toBe(429);
  });

  it('answers body-parser errors as the client\'s: oversized → 413 PAYLOAD_TOO_LARGE', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { expose: true, status: 413, statusCode: 413, type: 'entity.too.large' });
    expect(run(tooLarge)).toMatchObject({ status: 413, body: { code: ErrorCode.PayloadTooLarge, message: '提交的内容太多，请精简后再提交' } });
    const charset = Object.assign(new Error('unsupported charset "X"'), { expose: true, status: 415, type: 'charset.unsupported' });
    expect(run(charset).body.code).toBe(ErrorCode.ValidationFailed);
    // A 5xx-looking or unexposed error stays an internal one.
    expect(run(Object.assign(new Error('x'), { expose: false, status: 413, type: 'entity.too.large' })).status).toBe(500);
  });

  it('answers the database or Redis out of reach with 503 SERVICE_UNAVAILABLE naming it, and Retry-After', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', errno: -111, fatal: true });
    const query = Object.assign(new Error('Connection lost: The server closed the connection.'), { name: 'QueryFailedError', driverError: { code: 'PROTOCOL_CONNECTION_LOST', fatal: true } });
    const redis = Object.assign(new Error('Reached the max retries per request limit (which is 3).'), { name: 'MaxRetriesPerRequestError' });
    for (const [error, dependency] of [[refused, 'database'], [query, 'database'], [redis, 'redis']] as const) {
      const { status, body, headers } = run(error);
      expect({ status, body, retryAfter: headers['retry-after'] }).toEqual({
        status: 503, body: { code: ErrorCode.ServiceUnavailable, message: '服务暂时不可用，本次操作未生效，请稍后再试', details: [dependency] }, retryAfter: '5',
      });
    }
    // A query the database refused for its content is not an outage.
    expect(run(Object.assign(new Error('Duplicate entry'), { name: 'QueryFailedError', driverError: { code: 'ER_DUP_ENTRY', fatal: false } })).status).toBe(500);
  });

  it('hides an unexpected error behind an error id, without message or stack', () => {
    const { status, body } = run(new Error('ER_NO_SUCH_TABLE: SELECT * FROM secret_table'));
    expect(status).toBe(500);
    expect(body.code).toBe(ErrorCode.Internal);
    expect(body.errorId).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('secret_table');
  });
});
