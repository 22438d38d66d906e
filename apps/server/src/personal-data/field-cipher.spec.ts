import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

describe('FieldCipher (personal data at rest)', () => {
  beforeAll(() => FieldCipher.install(randomBytes(32)));

  it('stores a phone number so the digits are not readable, and reads it back', () => {
    const stored = FieldCipher.encrypt('13812345678');
    expect(stored).not.toContain('13812345678');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(FieldCipher.decrypt(stored)).toBe('13812345678');
  });

  it('gives different ciphertexts for the same value (random IV)', () => {
    expect(FieldCipher.encrypt('张三')).not.toBe(FieldCipher.encrypt('张三'));
  });

  it('refuses a tampered ciphertext', () => {
    const stored = FieldCipher.encrypt('340102199001011234');
    const parts = stored.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1'), 'latin1').toString('base64url');
    expect(() => FieldCipher.decrypt(parts.join('.'))).toThrow();
  });

  it('makes an equal blind index for equal values only', () => {
    expect(FieldCipher.blindIndex('13812345678')).toBe(FieldCipher.blindIndex('13812345678'));
    expect(FieldCipher.blindIndex('13812345678')).not.toBe(FieldCipher.blindIndex('13812345679'));
  });

  it('remembers an id’s blind index only under the key it was made with', () => {
    const first = FieldCipher.idBlindIndex('reporter:42');
    expect(first).toBe(FieldCipher.blindIndex('reporter:42'));
    expect(FieldCipher.idBlindIndex('reporter:42')).toBe(first);
    FieldCipher.install(randomBytes(32));
    expect(FieldCipher.idBlindIndex('reporter:42')).not.toBe(first);
    expect(FieldCipher.idBlindIndex('reporter:42')).toBe(FieldCipher.blindIndex('reporter:42'));
  });
});
