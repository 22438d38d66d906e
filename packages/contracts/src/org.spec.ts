import { hasWords, textLength } from './org';

describe('counting what a person typed', () => {
  it('counts an emoji as one character, as people do', () => {
    expect(textLength('😀')).toBe(1);
    expect(textLength('非本社区😀')).toBe(5);
  });
  it('finds words in any script or digits, not in emoji or punctuation alone', () => {
    expect(hasWords('😀😀')).toBe(false);
    expect(hasWords('！？。…')).toBe(false);
    expect(hasWords('不符')).toBe(true);
    expect(hasWords('3栋')).toBe(true);
    expect(hasWords('ok')).toBe(true);
  });
});
