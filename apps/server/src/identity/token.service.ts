import { ErrorCode } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import { CallerCache } from './caller-cache';
import { RefreshTokensRepository } from './data/refresh-tokens.repository';
import { UsersRepository } from './data/users.repository';

/** What a verified access token says. */
export interface AccessClaims {
  sub: number;
  typ: 'access';
  /** The user's token version when it was issued; a token older than the user's current version is revoked. */
  ver: number;
  /** Expiry (seconds since the epoch). A token without one is refused. */
  exp: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Verified access tokens remembered (a bounded number, until they expire). */
const VERIFIED_MAX = 10_000;

/** Short-lived JWT access tokens and rotating, hashed, revocable refresh tokens. */
@Injectable()
export class TokenService {
  /**
   * Access tokens whose signature and claims were already checked, with their expiry (ms). Every
   * request presents its token; checking an HMAC signature and parsing the JWT again each time was
   * a measurable share of a cheap request. A signature's validity cannot change while the key does
   * not, and the expiry is still checked on each use, so the answer is the same as verifying.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly users: UsersRepository,
    private readonly callers: CallerCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: number, familyId: string = randomUUID()): Promise<IssuedTokens> {
    const claims: Omit<AccessClaims, 'exp'> = { sub: userId, typ: 'access', ver: await this.users.tokenVersion(userId) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.refreshTokens.insert({
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * 86_400_000),
      rotatedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** Verifies an access token; distinguishes expired from invalid so the client knows to refresh. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known) {
      // jsonwebtoken's rule: expired once the current second reaches `exp`.
      if (Math.floor(Date.now() / 1000) * 1000 >= known.expiresAtMs) {
        this.verified.delete(token);
        throw new DomainException(ErrorCode.TokenExpired);
      }
      return known.claims;
    }
    try {
      const payload = await this.jwt.verifyAsync<Partial<Record<keyof AccessClaims, unknown>>>(token);
      const { sub, typ, exp } = payload;
      // Tokens issued before versions existed carry none: version 0, which every user starts at.
      const ver = payload.ver ?? 0;
      if (typ !== 'access' || typeof sub !== 'number' || !Number.isSafeInteger(ver) || (ver as number) < 0) throw new DomainException(ErrorCode.TokenInvalid);
      // Signed with the real key but without an expiry, a token would never expire: refused.
      if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new DomainException(ErrorCode.TokenInvalid);
      const claims: AccessClaims = { sub, typ, ver: ver as number, exp };
      if (this.verified.size >= VERIFIED_MAX) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
      this.verified.set(token, { claims, expiresAtMs: exp * 1000 });
      return claims;
    } catch (err) {
      if (err instanceof DomainException) throw err;
      if (err instanceof Error && err.name === 'TokenExpiredError') throw new DomainException(ErrorCode.TokenExpired);
      throw new DomainException(ErrorCode.TokenInvalid);
    }
  }

  /**
   * Rotates a refresh token. A token that was already rotated or revoked means it leaked:
   * the whole family is revoked and the caller must sign in again.
   */
  async rotate(refreshToken: string): Promise<{ userId: number; tokens: IssuedTokens }> {
    const row = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (!row) throw new DomainException(ErrorCode.RefreshTokenInvalid);
    if (row.rotatedAt || row.revokedAt) {
      await this.revokeFamily(row.familyId, row.userId);
      throw new DomainException(ErrorCode.RefreshTokenReused);
    }
    if (row.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.RefreshTokenInvalid);
    // Conditional update: of two concurrent rotations of one token only one wins.
    if (!(await this.refreshTokens.claimRotation(row.id))) {
      await this.revokeFamily(row.familyId, row.userId);
      throw new DomainException(ErrorCode.RefreshTokenReused);
    }
    return { userId: row.userId, tokens: await this.issue(row.userId, row.familyId) };
  }

  async revokeFamily(familyId: string, userId: number): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId);
    await this.revokeAccess(userId);
  }

  /** Logout: revokes the presented token's family. Unknown tokens are ignored (logout is idempotent). */
  async revoke(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (row) await this.revokeFamily(row.familyId, row.userId);
  }

  async revokeAllForUser(userId: number): Promise<void> {
    await this.refreshTokens.revokeAllOf(userId);
    await this.revokeAccess(userId);
  }

  /**
   * Ends every access token the user holds now (logout, a revoked family, a role change): their
   * token version goes up, and the caller cache forgets them here and on every instance. Access
   * tokens are per person, not per device, so another device of theirs answers TOKEN_EXPIRED once
   * and carries on with its own refresh token, which logout did not revoke.
   */
  async revokeAccess(userId: number): Promise<void> {
    await this.users.raiseTokenVersion(userId);
    this.callers.invalidate(userId);
  }
}
