import { redactUrl } from './logging';

describe('request log redaction', () => {
  it('hides tokens and WeChat codes in logged URLs but keeps harmless parameters', () => {
    const logged = redactUrl('/ws?token=eyJhbGciOi.secret&room=7');
    expect(logged).not.toContain('eyJhbGciOi');
    expect(logged).toContain('room=7');
    expect(redactUrl('/sns/jscode2session?js_code=abc&secret=s3cr3t')).not.toMatch(/abc|s3cr3t/);
  });

  it('leaves URLs without a query alone', () => {
    expect(redactUrl('/api/me')).toBe('/api/me');
  });
});
