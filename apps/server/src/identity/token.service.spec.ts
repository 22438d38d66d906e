import { ErrorCode } from '@jws/contracts';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import { CallerCache } from './caller-cache';
import type { RefreshTokensRepository } from './data/refresh-tokens.repository';
import type { UsersRepository } from './data/users.repository';
import { TokenService } from './token.service';

const jwt = new JwtService({ secret: 'a-test-secret-of-at-least-32-characters', signOptions: { algorithm: 'HS256' } });
const service = () =>
  new TokenService(jwt, {} as RefreshTokensRepository, {} as UsersRepository, new CallerCache(), { accessTokenTtlSeconds: 900 } as AppConfig);
const codeOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainException ? e.code : e));

describe('access token verification', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a token it verified before without verifying again, until it expires', async () => {
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-24T12:00:00Z'));
    const tokens = service();
    const token = await jwt.signAsync({ sub: 5, typ: 'access' }, { expiresIn: 60 });
    const verify = jest.spyOn(jwt, 'verifyAsync');
    expect(await tokens.verifyAccess(token)).toMatchObject({ sub: 5 });
    expect(await tokens.verifyAccess(token)).toMatchObject({ sub: 5 });
    expect(verify).toHaveBeenCalledTimes(1);
    clock.mockReturnValue(Date.parse('2026-11-24T12:01:00Z'));
    expect(await codeOf(tokens.verifyAccess(token))).toBe(ErrorCode.TokenExpired);
  });

  it('still refuses a tampered token', async () => {
    const tokens = service();
    const token = await jwt.signAsync({ sub: 5, typ: 'access' }, { expiresIn: 60 });
    await tokens.verifyAccess(token);
    expect(await codeOf(tokens.verifyAccess(`${token.slice(0, -2)}xx`))).toBe(ErrorCode.TokenInvalid);
  });

  it('refuses a token signed with the real key but without an expiry, or with a forged version', async () => {
    const tokens = service();
    expect(await codeOf(tokens.verifyAccess(await jwt.signAsync({ sub: 5, typ: 'access', ver: 0 })))).toBe(ErrorCode.TokenInvalid);
    for (const ver of [-1, 1.5, '9']) {
      expect(await codeOf(tokens.verifyAccess(await jwt.signAsync({ sub: 5, typ: 'access', ver }, { expiresIn: 60 })))).toBe(ErrorCode.TokenInvalid);
    }
    expect(await tokens.verifyAccess(await jwt.signAsync({ sub: 5, typ: 'access', ver: 3 }, { expiresIn: 60 }))).toMatchObject({ sub: 5, ver: 3 });
    // Issued before versions existed: version 0.
    expect(await tokens.verifyAccess(await jwt.signAsync({ sub: 5, typ: 'access' }, { expiresIn: 60 }))).toMatchObject({ sub: 5, ver: 0 });
  });
});
