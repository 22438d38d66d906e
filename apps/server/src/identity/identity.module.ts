import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { AuthGuard } from './auth.guard';
import { CallerCache } from './caller-cache';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { StaffInvitationEntity } from './staff-invitation.entity';
import { StaffInvitationService } from './staff-invitation.service';
import { StaffInvitationsRepository } from './data/staff-invitations.repository';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, StaffInvitationEntity, OrgUnitEntity]),
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
  providers: [TokenService, IdentityService, StaffInvitationService, StaffInvitationsRepository, CallerCache, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [IdentityService, TokenService, CallerCache, AuthGuard],
})
export class IdentityModule {}
