import { Global, Module } from '@nestjs/common';
import { Access } from './access';

/** The object-access rule, available to every feature like the audit log it writes to. */
@Global()
@Module({ providers: [Access], exports: [Access] })
export class AccessModule {}
