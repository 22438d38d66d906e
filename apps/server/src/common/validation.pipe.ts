import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { PLAIN_INTEGER } from './validation';

/**
 * Nest's ValidationPipe, except that a path or query value declared as a number is converted only
 * when written plainly ('12'). Nest's own conversion is `+value`, which reads '1e3' as 1000, '0x10'
 * as 16 and ' 1' or '1.0' as 1, so IdParamPipe saw a valid number; now it sees the text and refuses it.
 */
export class PlainNumbersValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.metatype === Number && typeof value === 'string' && !PLAIN_INTEGER.test(value)) return value;
    return super.transformPrimitive(value, metadata);
  }
}
