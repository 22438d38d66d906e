import { ErrorCode } from '@jws/contracts';
import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainException } from './domain.exception';

/** Parses a positive integer id from the path; anything else is a coded validation error. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
      throw new DomainException(ErrorCode.ValidationFailed, ['id 必须是正整数']);
    }
    return id;
  }
}
