import { detectImageType } from './photos';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('detectImageType (from the bytes, not the name)', () => {
  it('recognises JPEG, PNG and WebP by their signatures', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg');
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('png');
    expect(detectImageType(join(text('RIFF'), bytes(0x24, 0, 0, 0), text('WEBPVP8 ')))).toBe('webp');
  });

  it('refuses text, HTML, SVG, GIF, PDF and other RIFF files however they are named', () => {
    expect(detectImageType(text('hello, this is not a photo'))).toBeNull();
    expect(detectImageType(text('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectImageType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(text('GIF89a......'))).toBeNull();
    expect(detectImageType(text('%PDF-1.7\n'))).toBeNull();
    expect(detectImageType(join(text('RIFF'), bytes(0x24, 0, 0, 0), text('WAVEfmt ')))).toBeNull();
  });

  it('refuses truncated signatures and empty files', () => {
    expect(detectImageType(bytes())).toBeNull();
    expect(detectImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull();
    expect(detectImageType(text('RIFF\0\0\0\0WEB'))).toBeNull();
  });
});
