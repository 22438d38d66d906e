import { signPayload, verifySignature } from './protocol';

describe('12345 webhook signature', () => {
  const secret = 'unit-test-webhook-secret';
  const body = Buffer.from(JSON.stringify({ orderNo: 'GD202612020001', status: 'accepted' }));
  const now = 1_764_650_000_000;
  const ts = String(now / 1000);

  it('accepts the HMAC of "<timestamp>.<raw body>" made with the shared secret', () => {
    expect(verifySignature(secret, { signature: signPayload(secret, ts, body), timestamp: ts }, body, now)).toBe(true);
  });

  it('refuses another secret, a changed body, a missing header and a timestamp outside five minutes', () => {
    const good = signPayload(secret, ts, body);
    expect(verifySignature(secret, { signature: signPayload('other-secret', ts, body), timestamp: ts }, body, now)).toBe(false);
    expect(verifySignature(secret, { signature: good, timestamp: ts }, Buffer.from(body.toString().replace('accepted', 'replied')), now)).toBe(false);
    expect(verifySignature(secret, { signature: undefined, timestamp: ts }, body, now)).toBe(false);
    expect(verifySignature(secret, { signature: 'not-hex', timestamp: ts }, body, now)).toBe(false);
    const old = String(now / 1000 - 301);
    expect(verifySignature(secret, { signature: signPayload(secret, old, body), timestamp: old }, body, now)).toBe(false);
  });
});
