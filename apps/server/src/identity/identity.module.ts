import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { AuthGuard } from './auth.guard';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { StaffInvitationEntity } from './staff-invitation.entity';
import { StaffInvitationService } from './staff-invitation.service';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, StaffInvitationEntity, OrgUnitEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [IdentityController],
  providers: [TokenService, IdentityService, StaffInvitationService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [IdentityService, TokenService],
})
export class IdentityModule {}
