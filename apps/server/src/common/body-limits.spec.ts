import { jsonTooDeep, MAX_JSON_DEPTH } from './body-limits';

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
