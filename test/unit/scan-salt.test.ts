import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/env';
import { readOrCreateScanSalt } from '../../src/keys/scan-salt';

describe('the scan salt', () => {
  it('has no public default: unset, it stays unset until the runtime provides one', () => {
    expect(loadConfig({}).SCAN_SALT).toBeUndefined();
    expect(() => loadConfig({ SCAN_SALT: 'short' })).toThrow(/SCAN_SALT/);
  });

  it('is generated once per install into DATA_DIR, readable by its owner only, and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-salt-'));
    try {
      const salt = readOrCreateScanSalt(join(dir, 'data'));
      expect(salt).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(statSync(join(dir, 'data', 'scan-salt')).mode & 0o777).toBe(0o600);
      expect(readOrCreateScanSalt(join(dir, 'data'))).toBe(salt);
      const other = mkdtempSync(join(tmpdir(), 'ocop-salt-'));
      expect(readOrCreateScanSalt(other)).not.toBe(salt);
      rmSync(other, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
