import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vietnamDate, vietnamIso, vietnamTime } from '../../web/format';
import { en } from '../../web/words/en';
import { vi } from '../../web/words/vi';
import { AUDIT_ACTIONS } from '../../web/words/types';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

/** The shape of a vocabulary: its keys, all the way down (functions count as leaves). */
const shape = (words: unknown): unknown =>
  words && typeof words === 'object'
    ? Object.fromEntries(Object.entries(words).map(([k, v]) => [k, shape(v)]))
    : typeof words;

describe('the vocabulary', () => {
  it('words every action the audit log records', () => {
    const recorded = new Set<string>();
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('appendAudit(')) continue;
      for (const m of text.matchAll(/appendAudit\([^;]*?action: '([a-z_]+\.[a-z_]+)'/g)) recorded.add(m[1]!);
    }
    // Written from a variable: the certificate decisions and the registry edits.
    for (const code of [
      'certificate.suspend',
      'certificate.reinstate',
      'certificate.revoke',
      'subject.update',
      'area.update',
      'product.update',
      'batch.update',
    ])
      recorded.add(code);
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
    for (const code of AUDIT_ACTIONS) expect(vi.auditActions[code], code).toMatch(/^\p{Lu}/u);
  });

  it('has the same keys in English and Vietnamese', () => {
    expect(shape(en)).toEqual(shape(vi));
  });
});

describe('times as people in Vietnam read them', () => {
  // 23:30 UTC is 06:30 the next morning in Vietnam, whatever zone the server runs in.
  const late = new Date('2026-11-23T23:30:00Z');

  it('gives the Vietnamese wall clock and calendar day', () => {
    expect(vietnamTime(late)).toBe('24/11/2026 06:30');
    expect(vietnamDate(late)).toBe('24/11/2026');
    expect(vietnamDate('2026-11-23')).toBe('23/11/2026');
    expect(vietnamTime(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00');
  });

  it('exports ISO 8601 with the +07:00 offset, the same instant', () => {
    expect(vietnamIso(late)).toBe('2026-11-24T06:30:00+07:00');
    expect(new Date(vietnamIso(late)).getTime()).toBe(late.getTime());
  });
});
