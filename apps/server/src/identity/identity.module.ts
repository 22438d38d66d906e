import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Accounts } from './accounts';
import { AuthGuard } from './auth.guard';
import { CallerCache } from './caller-cache';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { RefreshTokensRepository } from './data/refresh-tokens.repository';
import { StaffInvitationsRepository } from './data/staff-invitations.repository';
import { UsersRepository } from './data/users.repository';
import { StaffInvitationService } from './staff-invitation.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A KeyObject, not a string: jsonwebtoken otherwise tries to parse a string secret as a
        // PEM public key on every verify, which cost ~15 % of CPU per request in `pnpm bench`.
        const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' as const },
          verifyOptions: { algorithms: ['HS256' as const] },
        };
      },
    }),
  ],
  controllers: [IdentityController],
  providers: [
    UsersRepository, RefreshTokensRepository, StaffInvitationsRepository,
    TokenService, IdentityService, StaffInvitationService, Accounts, CallerCache, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [IdentityService, TokenService, Accounts, CallerCache, AuthGuard],
})
export class IdentityModule {}
