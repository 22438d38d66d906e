import { REDACTED, redactUrl } from './logging';

describe('request log redaction', () => {
  it('hides tokens and WeChat codes in logged URLs but keeps harmless parameters', () => {
    const logged = redactUrl('/ws?token=eyJhbGciOi.secret&room=7');
    expect(logged).not.toContain('eyJhbGciOi');
    expect(logged).toContain('room=7');
    expect(redactUrl('/sns/jscode2session?js_code=abc&secret=s3cr3t')).not.toMatch(/abc|s3cr3t/);
  });

  it('hides every query value whose name says token, key, code or ticket, in any spelling', () => {
    for (const key of ['refreshToken', 'refresh_token', 'apiKey', 'api_key', 'API_KEY', 'code', 'ticket', 'accessToken', 'sessionKey', 'invite']) {
      const logged = redactUrl(`/api/x?${key}=VALUE-${key}&page=2`);
      expect(logged).not.toContain(`VALUE-${key}`);
      expect(logged).toContain(`${key}=${encodeURIComponent(REDACTED)}`);
      expect(logged).toContain('page=2');
    }
    // Repeated parameters are all hidden.
    expect(redactUrl('/api/x?token=a1&token=b2')).not.toMatch(/a1|b2/);
  });

  it('hides the path segment that is the secret: invite codes and Open311 tokens', () => {
    expect(redactUrl('/api/community-invites/HQ7C2PNQ/qrcode')).toBe(`/api/community-invites/${REDACTED}/qrcode`);
    expect(redactUrl('/api/communities/3/invites/HQ7C2PNQ/revoke?x=1')).toBe(`/api/communities/3/invites/${REDACTED}/revoke?x=1`);
    expect(redactUrl('/open311/v2/tokens/5d1c2e.json')).toBe(`/open311/v2/tokens/${REDACTED}`);
    expect(redactUrl('/api/community-invites/HQ7C2PNQ')).not.toContain('HQ7C2PNQ');
  });

  it('leaves public codes and ordinary paths alone', () => {
    expect(redactUrl('/api/me')).toBe('/api/me');
    expect(redactUrl('/api/service-guide/hukou.move')).toBe('/api/service-guide/hukou.move');
    expect(redactUrl('/open311/v2/services/hazard.fire.json')).toBe('/open311/v2/services/hazard.fire.json');
    expect(redactUrl('/api/cases/12/actions')).toBe('/api/cases/12/actions');
    expect(redactUrl('/api/communities/join-by-code')).toBe('/api/communities/join-by-code');
  });
});
