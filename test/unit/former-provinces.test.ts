import { describe, expect, it } from 'vitest';
import { FORMER_PROVINCES, resolveProvince } from '../../src/data/former-provinces';
import { PROVINCES } from '../../src/data/provinces';

describe('the 63 former provinces and today’s 34 (Resolution 202/2025/QH15, Decision 19/2025/QĐ-TTg)', () => {
  it('lists 63 former units, each mapped to one of today’s 34, and every one of the 34 is reached', () => {
    expect(Object.keys(FORMER_PROVINCES)).toHaveLength(63);
    for (const [code, unit] of Object.entries(FORMER_PROVINCES))
      expect(PROVINCES[unit.now], `${code} ${unit.vi}`).toBeDefined();
    expect(new Set(Object.values(FORMER_PROVINCES).map((u) => u.now)).size).toBe(34);
  });

  it.each([
    ['Hà Giang', '08', '02'],
    ['Bắc Kạn', '19', '06'],
    ['Quảng Nam', '48', '49'],
    ['Yên Bái', '15', '15'],
    ['Vĩnh Phúc', '25', '26'],
    ['Hải Dương', '31', '30'],
    ['Kon Tum', '51', '62'],
    ['Bình Định', '52', '52'],
    ['Bình Dương', '79', '74'],
    ['Bạc Liêu', '96', '95'],
  ])('maps %s to today’s %s', (name, today, former) => {
    expect(resolveProvince(name)).toEqual({
      code: today,
      former: { code: former, name: FORMER_PROVINCES[former]!.vi },
    });
  });

  it('reads former codes and names however a list writes them', () => {
    expect(resolveProvince('02')?.code).toBe('08');
    expect(resolveProvince('2')?.code).toBe('08');
    expect(resolveProvince('49')).toEqual({ code: '48', former: { code: '49', name: 'Tỉnh Quảng Nam' } });
    expect(resolveProvince('tỉnh  HÀ GIANG')?.code).toBe('08');
    expect(resolveProvince('Ha Giang')?.code).toBe('08');
    expect(resolveProvince('Bà Rịa – Vũng Tàu')?.code).toBe('79');
    expect(resolveProvince('Thừa Thiên Huế')?.code).toBe('46');
    expect(resolveProvince('Hoà Bình')?.code).toBe('25'); // the older accent placement folds alike
  });

  it('keeps today’s units as they are, with no former province', () => {
    expect(resolveProvince('08')).toEqual({ code: '08' });
    expect(resolveProvince('Tỉnh Tuyên Quang')).toEqual({ code: '08' });
    expect(resolveProvince('Lào Cai')).toEqual({ code: '15' }); // the name lives on as today's wider Lào Cai
    expect(resolveProvince('TP. Hồ Chí Minh')).toEqual({ code: '79' });
    expect(resolveProvince('Huế')).toEqual({ code: '46' });
  });

  it('names nothing for what is no province', () => {
    expect(resolveProvince('99')).toBeNull();
    expect(resolveProvince('03')).toBeNull();
    expect(resolveProvince('Atlantis')).toBeNull();
    expect(resolveProvince('')).toBeNull();
  });
});
