import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeAlphanumericQr } from '../../src/labels/qr-encoder';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

describe('the stamp QR encoder', () => {
  it('matches the qrcode library module for module, for every mask and size it covers', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 7 }),
        (text, mask) => {
          const ours = encodeAlphanumericQr(text, mask);
          const theirs = QRCode.create(
            [{ data: text, mode: 'alphanumeric' }] as never,
            { errorCorrectionLevel: 'M', maskPattern: mask } as never,
          );
          if (theirs.version > 10) return expect(ours).toBeNull();
          expect(ours!.version).toBe(theirs.version);
          for (let r = 0; r < ours!.size; r++)
            for (let c = 0; c < ours!.size; c++)
              expect(ours!.get(r, c), `${r},${c}`).toBe(theirs.modules.get(r, c) === 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('packs the same modules column by column, which the module font draws from', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 300 }), (text) => {
        const qr = encodeAlphanumericQr(text);
        if (!qr) return;
        for (let r = 0; r < qr.size; r++) {
          for (let c = 0; c < qr.size; c++)
            expect((qr.cols[c * qr.width + (r >> 3)]! & (0x80 >> (r & 7))) !== 0, `${r},${c}`).toBe(qr.get(r, c));
        }
        // Padding past the last module stays light: a band's last glyph reads it.
        for (let line = 0; line < qr.size; line++) {
          for (let k = qr.size; k < qr.width * 8; k++) {
            expect(qr.rows[line * qr.width + (k >> 3)]! & (0x80 >> (k & 7))).toBe(0);
            expect(qr.cols[line * qr.width + (k >> 3)]! & (0x80 >> (k & 7))).toBe(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses what it does not cover, so the caller falls back to the library', () => {
    expect(encodeAlphanumericQr('https://lowercase')).toBeNull();
    expect(encodeAlphanumericQr('A'.repeat(400))).toBeNull();
  });

  it('picks the mask with the lowest ISO/IEC 18004 penalty (the first, on a tie)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 300 }), (text) => {
        const chosen = encodeAlphanumericQr(text);
        if (!chosen) return;
        const scores = Array.from({ length: 8 }, (_, mask) => isoPenalty(encodeAlphanumericQr(text, mask)!));
        expect(chosen.mask).toBe(scores.indexOf(Math.min(...scores)));
      }),
      { numRuns: 400 },
    );
  });
});

/** The penalty as ISO/IEC 18004 §7.8.3 states it, written plainly: the reference for the encoder's fast one. */
function isoPenalty(qr: NonNullable<ReturnType<typeof encodeAlphanumericQr>>): number {
  const n = qr.size;
  const at = (r: number, c: number) => (qr.get(r, c) ? 1 : 0);
  let score = 0;
  let dark = 0;
  for (const line of [(i: number, k: number) => at(i, k), (i: number, k: number) => at(k, i)]) {
    for (let i = 0; i < n; i++) {
      const cells = Array.from({ length: n }, (_, k) => line(i, k));
      for (let k = 0; k < n; ) {
        let end = k;
        while (end + 1 < n && cells[end + 1] === cells[k]) end++;
        if (end - k + 1 >= 5) score += 3 + (end - k + 1 - 5);
        k = end + 1;
      }
      const text = cells.join('');
      for (let k = 0; k + 11 <= n; k++) if (['10111010000', '00001011101'].includes(text.slice(k, k + 11))) score += 40;
    }
  }
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      dark += at(r, c);
      if (
        r + 1 < n &&
        c + 1 < n &&
        at(r, c) === at(r + 1, c) &&
        at(r, c) === at(r, c + 1) &&
        at(r, c) === at(r + 1, c + 1)
      )
        score += 3;
    }
  }
  return score + 10 * Math.floor(Math.abs((dark * 100) / (n * n) - 50) / 5);
}
