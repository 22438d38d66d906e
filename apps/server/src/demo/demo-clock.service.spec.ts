import { ErrorCode } from '@jws/contracts';
import type { AppConfig } from '../config/app-config';
import type { Caller } from '../common/request-context';
import { DomainException } from '../common/domain.exception';
import { DemoClockService } from './demo-clock.service';

describe('demo clock', () => {
  it('refuses outside demo mode before it reads or moves anything', async () => {
    const untouched = new Proxy({}, { get: () => { throw new Error('touched outside demo mode'); } });
    const clock = new DemoClockService(untouched as never, { demo: false } as AppConfig);
    const refused = clock.elapse({} as Caller, 1, 90);
    await expect(refused).rejects.toBeInstanceOf(DomainException);
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.DemoDisabled });
  });
});
