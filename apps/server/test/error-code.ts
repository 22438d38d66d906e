import { ErrorCode } from '@jws/contracts';
import { DomainException } from '../src/common/domain.exception';

/** The domain error code a promise fails with, or 'resolved'; any other error is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
}
