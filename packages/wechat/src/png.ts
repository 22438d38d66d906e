import { deflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

// Own CRC-32 because zlib.crc32 only exists from Node 20.15 and we promise any Node 20.
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid 1×1 white greyscale PNG. `text` entries become tEXt chunks, which lets tests and the
 * demo read back what a fake mini program code encodes (e.g. its scene).
 */
export function onePixelPng(text: Record<string, string> = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  // bytes 10-12: compression, filter and interlace methods, all 0
  const textChunks = Object.entries(text).map(([key, value]) =>
    chunk('tEXt', Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')])),
  );
  const scanline = Buffer.from([0 /* filter: none */, 0xff /* white */]);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    ...textChunks,
    chunk('IDAT', deflateSync(scanline)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads tEXt chunks back from a PNG (no validation beyond the signature). */
export function readPngText(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) return out;
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'tEXt') {
      const nul = data.indexOf(0);
      if (nul > 0) out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    offset += 12 + length;
  }
  return out;
}
