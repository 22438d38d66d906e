import { ErrorCode } from '@jws/contracts';
import { BODY_LIMITS, bodyLimitOf, jsonTooDeep, MAX_JSON_DEPTH, parseFormBody, parseJsonBody } from './body-limits';
import { DomainException } from './domain.exception';

describe('JSON nesting limit', () => {
  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it('lets a body as deep as the limit through and refuses one a level deeper', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonTooDeep('['.repeat(3000) + ']'.repeat(3000))).toBe(true);
    // Cut off before it closes: still refused before JSON.parse is asked.
    expect(jsonTooDeep('[{"a":'.repeat(2000))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeep(JSON.stringify({ text: '{'.repeat(5000), quoted: '"[[[[' + '['.repeat(100) }))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ list: [[1, 2], { b: [3] }] }))).toBe(false);
  });
});

describe('body readers', () => {
  it('reads JSON as body-parser’s strict reader did: {} when empty, objects and arrays only', () => {
    expect(parseJsonBody('')).toEqual({});
    expect(parseJsonBody(' {"a":[1,2]} ')).toEqual({ a: [1, 2] });
    expect(parseJsonBody('[1]')).toEqual([1]);
    expect(() => parseJsonBody('"text"')).toThrow(DomainException);
    expect(() => parseJsonBody('12')).toThrow(DomainException);
    expect(() => parseJsonBody('{"a":')).toThrow(DomainException);
  });

  it('reads forms with nested keys, five deep and a hundred fields at most', () => {
    expect(parseFormBody('a[b]=1&c=2&c=3')).toEqual({ a: { b: '1' }, c: ['2', '3'] });
    expect(() => parseFormBody('a[b][c][d][e][f][g]=1')).toThrow(DomainException);
    const many = Array.from({ length: 101 }, (_, i) => `f${i}=1`).join('&');
    expect(() => parseFormBody(many)).toThrow(expect.objectContaining({ code: ErrorCode.PayloadTooLarge }));
  });

  it('gives the 12345 webhook and sign-in their own limits', () => {
    expect(bodyLimitOf('/api/integrations/12345/webhook')).toBe(BODY_LIMITS.webhook12345.bytes);
    expect(bodyLimitOf('/api/auth/dev-login')).toBe(BODY_LIMITS.auth.bytes);
    expect(bodyLimitOf('/api/cases')).toBe(BODY_LIMITS.json.bytes);
  });
});
