import { httpPath } from './http-api';

describe('API table paths', () => {
  it('fills in each path parameter, URL-encoded', () => {
    expect(httpPath('GET /api/cases/:id', { id: 7 })).toBe('/api/cases/7');
    expect(httpPath('POST /api/communities/:id/invites/:code/revoke', { id: 3, code: 'A B/1' })).toBe('/api/communities/3/invites/A%20B%2F1/revoke');
    expect(httpPath('GET /api/me')).toBe('/api/me');
  });

  it('refuses a path whose parameter was not given, instead of calling a wrong URL', () => {
    expect(() => httpPath('GET /api/cases/:id', {})).toThrow(':id');
  });
});
