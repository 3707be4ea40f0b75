/** Plain ustar, regular files only: enough for a backup archive without another dependency. */
export type TarEntry = { name: string; mode: number; data: Uint8Array };

const BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function writeField(header: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > length) throw new Error(`tar: ${value} does not fit in ${length} bytes`);
  header.set(bytes, offset);
}

const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`;

function splitName(name: string): { prefix: string; base: string } {
  if (encoder.encode(name).length <= 100) return { prefix: '', base: name };
  const cut = name.lastIndexOf('/', 155);
  if (cut <= 0 || encoder.encode(name.slice(cut + 1)).length > 100) throw new Error(`tar: name too long: ${name}`);
  return { prefix: name.slice(0, cut), base: name.slice(cut + 1) };
}

function header(entry: TarEntry, mtime: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const { prefix, base } = splitName(entry.name);
  writeField(block, 0, 100, base);
  writeField(block, 100, 8, octal(entry.mode & 0o7777, 8));
  writeField(block, 108, 8, octal(0, 8));
  writeField(block, 116, 8, octal(0, 8));
  writeField(block, 124, 12, octal(entry.data.length, 12));
  writeField(block, 136, 12, octal(mtime, 12));
  writeField(block, 148, 8, '        ');
  writeField(block, 156, 1, '0');
  writeField(block, 257, 8, 'ustar\u000000');
  writeField(block, 345, 155, prefix);
  const sum = block.reduce((a, b) => a + b, 0);
  writeField(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

export function packTar(entries: TarEntry[], mtime = Math.floor(Date.now() / 1000)): Uint8Array {
  const size = entries.reduce((n, e) => n + BLOCK + Math.ceil(e.data.length / BLOCK) * BLOCK, 2 * BLOCK);
  const out = new Uint8Array(size);
  let at = 0;
  for (const entry of entries) {
    out.set(header(entry, mtime), at);
    out.set(entry.data, at + BLOCK);
    at += BLOCK + Math.ceil(entry.data.length / BLOCK) * BLOCK;
  }
  return out;
}

function readField(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

export function unpackTar(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const block = tar.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) break;
    const stored = parseInt(readField(block, 148, 8).trim(), 8);
    const sum = block.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 32 : b), 0);
    if (stored !== sum) throw new Error('tar: corrupted header (checksum)');
    const size = parseInt(readField(block, 124, 12).trim(), 8);
    const type = String.fromCharCode(block[156]!);
    const prefix = readField(block, 345, 155);
    const name = prefix ? `${prefix}/${readField(block, 0, 100)}` : readField(block, 0, 100);
    if (at + BLOCK + size > tar.length) throw new Error('tar: truncated');
    if (type === '0' || type === '\0') {
      entries.push({
        name,
        mode: parseInt(readField(block, 100, 8).trim(), 8),
        data: tar.slice(at + BLOCK, at + BLOCK + size),
      });
    }
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
