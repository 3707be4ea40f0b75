import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  publicOriginWarning,
  stampQrVersion,
  templateModuleProblem,
  warnOnLongPublicOrigin,
} from '../../src/labels/stamp-fit';
import { labelTemplateSchema } from '../../src/labels/template-schema';
import { LABEL_TEMPLATES } from '../../src/labels/templates';

/** A valid https origin of exactly `length` characters. */
const originOf = (length: number) => `https://${'a'.repeat(length - 'https://.vn'.length)}.vn`;

describe('stamps that outgrow their labels', () => {
  it('keeps version 6 for origins of up to 30 characters with a long key id and serial, and warns past that', () => {
    expect(originOf(30)).toHaveLength(30);
    expect(stampQrVersion(originOf(30), 'K999', 999_999_999_999)).toBe(6);
    expect(publicOriginWarning(originOf(30))).toBeNull();
    expect(publicOriginWarning('https://ocop.example.vn')).toBeNull();
    expect(publicOriginWarning(originOf(31))).toMatch(/version 7, not 6/);
    const warnings: string[] = [];
    warnOnLongPublicOrigin(originOf(31), (m) => warnings.push(m));
    warnOnLongPublicOrigin(originOf(30), (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(originOf(31));
  });

  it('refuses, in Vietnamese, a template whose modules would print below its minimum', () => {
    const long = originOf(72); // version 8: 49 modules a side
    expect(stampQrVersion(long, 'K1', 1_000_000)).toBe(8);
    const problem = templateModuleProblem(LABEL_TEMPLATES.get('roll-40x30')!, long, 'K1', 1_000_000);
    expect(problem).toMatch(/^Mẫu nhãn roll-40x30 in mã QR phiên bản 8 với ô 0\.25 mm, nhỏ hơn mức tối thiểu 0\.37 mm/);
    expect(templateModuleProblem(LABEL_TEMPLATES.get('a4-2x7-99x38')!, long, 'K1', 1_000_000)).toBeNull();
    for (const t of LABEL_TEMPLATES.values())
      expect(templateModuleProblem(t, 'https://ocop.example.vn', 'K1', 1_000_000)).toBeNull();
  });

  it('refuses at load a template whose version 6 module is below its own minimum', () => {
    const roll = JSON.parse(readFileSync('labels/templates/roll-40x30.json', 'utf8'));
    expect(labelTemplateSchema.safeParse(roll).success).toBe(true);
    const strict = labelTemplateSchema.safeParse({ ...roll, qr: { ...roll.qr, minModuleMm: 0.4 } });
    expect(strict.success).toBe(false);
    expect(strict.error!.issues.map((i) => i.path.join('.'))).toEqual(['qr.minModuleMm']);
    expect(labelTemplateSchema.safeParse({ ...roll, printerDpi: undefined }).success).toBe(false);
  });
});
