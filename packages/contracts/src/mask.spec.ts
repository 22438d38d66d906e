import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking personal data', () => {
  it('shows only the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
  it('hides the middle of an ID number', () => {
    expect(maskIdNumber('340102199001011234')).toBe('340***********1234');
  });
  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });
});
