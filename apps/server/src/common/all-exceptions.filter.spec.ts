import { ErrorCode } from '@jws/contracts';
import { ArgumentsHost, BadRequestException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainException, httpStatusOf } from './domain.exception';

function run(exception: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const res = {
    headersSent: false,
    status(s: number) { out.status = s; return this; },
    type() { return this; },
    removeHeader() { return undefined; },
    setHeader() { return undefined; },
    json(b: Record<string, unknown>) { out.body = b; },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ id: 'req-1' }) }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return out;
}

describe('error mapping', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

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
    expect(run(tooLarge)).toEqual({ status: 413, body: { code: ErrorCode.PayloadTooLarge, message: '提交的内容太多，请精简后再提交' } });
    const charset = Object.assign(new Error('unsupported charset "X"'), { expose: true, status: 415, type: 'charset.unsupported' });
    expect(run(charset).body.code).toBe(ErrorCode.ValidationFailed);
    // A 5xx-looking or unexposed error stays an internal one.
    expect(run(Object.assign(new Error('x'), { expose: false, status: 413, type: 'entity.too.large' })).status).toBe(500);
  });

  it('hides an unexpected error behind an error id, without message or stack', () => {
    const { status, body } = run(new Error('ER_NO_SUCH_TABLE: SELECT * FROM secret_table'));
    expect(status).toBe(500);
    expect(body.code).toBe(ErrorCode.Internal);
    expect(body.errorId).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('secret_table');
  });
});
