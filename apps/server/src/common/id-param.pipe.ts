import { ErrorCode } from '@jws/contracts';
import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { MAX_ID } from './validation';

/**
 * Parses a positive integer id from the path, written plainly (decimal digits, no sign, no leading
 * zero, no spaces, at most MAX_ID); anything else ('1e3', '0x10', '1.0', '-1', ' 1') is a coded 400.
 */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^[1-9]\d{0,9}$/.test(value) || id > MAX_ID) {
      throw new DomainException(ErrorCode.ValidationFailed, ['id 必须是正整数']);
    }
    return id;
  }
}
