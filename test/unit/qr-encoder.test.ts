import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeAlphanumericQr } from '../../src/labels/qr-encoder';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

describe('the stamp QR encoder', () => {
  it('matches the qrcode library module for module, for every mask and size it covers', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 7 }), (text, mask) => {
      const ours = encodeAlphanumericQr(text, mask);
      const theirs = QRCode.create([{ data: text, mode: 'alphanumeric' }] as never, { errorCorrectionLevel: 'M', maskPattern: mask } as never);
      if (theirs.version > 10) return expect(ours).toBeNull();
      expect(ours!.version).toBe(theirs.version);
      for (let r = 0; r < ours!.size; r++) for (let c = 0; c < ours!.size; c++) expect(ours!.get(r, c), `${r},${c}`).toBe(theirs.modules.get(r, c) === 1);
    }), { numRuns: 300 });
  });

  it('refuses what it does not cover, so the caller falls back to the library', () => {
    expect(encodeAlphanumericQr('https://lowercase')).toBeNull();
    expect(encodeAlphanumericQr('A'.repeat(400))).toBeNull();
  });

  it('picks a mask by the standard penalty', () => {
    const url = 'HTTPS://OCOP.EXAMPLE.VN/S/K1-1000000-ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    expect(encodeAlphanumericQr(url)!.mask).toBeGreaterThanOrEqual(0);
  });
});
