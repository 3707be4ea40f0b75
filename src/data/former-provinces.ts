import { PROVINCES } from './provinces';

/**
 * The 63 provincial-level units before 1 July 2025 (GSO codes, Decision 124/2004/QĐ-TTg and its
 * amendments) and the unit each became under Resolution 202/2025/QH15, coded by Decision
 * 19/2025/QĐ-TTg. A merged province took the code of the province that hosts its seat, so a code
 * in both tables always names the same unit today: "15" (Yên Bái then, Lào Cai now) maps to 15.
 */
export const FORMER_PROVINCES: Record<string, { vi: string; now: string }> = {
  '01': { vi: 'Thành phố Hà Nội', now: '01' },
  '02': { vi: 'Tỉnh Hà Giang', now: '08' },
  '04': { vi: 'Tỉnh Cao Bằng', now: '04' },
  '06': { vi: 'Tỉnh Bắc Kạn', now: '19' },
  '08': { vi: 'Tỉnh Tuyên Quang', now: '08' },
  '10': { vi: 'Tỉnh Lào Cai', now: '15' },
  '11': { vi: 'Tỉnh Điện Biên', now: '11' },
  '12': { vi: 'Tỉnh Lai Châu', now: '12' },
  '14': { vi: 'Tỉnh Sơn La', now: '14' },
  '15': { vi: 'Tỉnh Yên Bái', now: '15' },
  '17': { vi: 'Tỉnh Hòa Bình', now: '25' },
  '19': { vi: 'Tỉnh Thái Nguyên', now: '19' },
  '20': { vi: 'Tỉnh Lạng Sơn', now: '20' },
  '22': { vi: 'Tỉnh Quảng Ninh', now: '22' },
  '24': { vi: 'Tỉnh Bắc Giang', now: '24' },
  '25': { vi: 'Tỉnh Phú Thọ', now: '25' },
  '26': { vi: 'Tỉnh Vĩnh Phúc', now: '25' },
  '27': { vi: 'Tỉnh Bắc Ninh', now: '24' },
  '30': { vi: 'Tỉnh Hải Dương', now: '31' },
  '31': { vi: 'Thành phố Hải Phòng', now: '31' },
  '33': { vi: 'Tỉnh Hưng Yên', now: '33' },
  '34': { vi: 'Tỉnh Thái Bình', now: '33' },
  '35': { vi: 'Tỉnh Hà Nam', now: '37' },
  '36': { vi: 'Tỉnh Nam Định', now: '37' },
  '37': { vi: 'Tỉnh Ninh Bình', now: '37' },
  '38': { vi: 'Tỉnh Thanh Hóa', now: '38' },
  '40': { vi: 'Tỉnh Nghệ An', now: '40' },
  '42': { vi: 'Tỉnh Hà Tĩnh', now: '42' },
  '44': { vi: 'Tỉnh Quảng Bình', now: '44' },
  '45': { vi: 'Tỉnh Quảng Trị', now: '44' },
  '46': { vi: 'Tỉnh Thừa Thiên Huế', now: '46' },
  '48': { vi: 'Thành phố Đà Nẵng', now: '48' },
  '49': { vi: 'Tỉnh Quảng Nam', now: '48' },
  '51': { vi: 'Tỉnh Quảng Ngãi', now: '51' },
  '52': { vi: 'Tỉnh Bình Định', now: '52' },
  '54': { vi: 'Tỉnh Phú Yên', now: '66' },
  '56': { vi: 'Tỉnh Khánh Hòa', now: '56' },
  '58': { vi: 'Tỉnh Ninh Thuận', now: '56' },
  '60': { vi: 'Tỉnh Bình Thuận', now: '68' },
  '62': { vi: 'Tỉnh Kon Tum', now: '51' },
  '64': { vi: 'Tỉnh Gia Lai', now: '52' },
  '66': { vi: 'Tỉnh Đắk Lắk', now: '66' },
  '67': { vi: 'Tỉnh Đắk Nông', now: '68' },
  '68': { vi: 'Tỉnh Lâm Đồng', now: '68' },
  '70': { vi: 'Tỉnh Bình Phước', now: '75' },
  '72': { vi: 'Tỉnh Tây Ninh', now: '80' },
  '74': { vi: 'Tỉnh Bình Dương', now: '79' },
  '75': { vi: 'Tỉnh Đồng Nai', now: '75' },
  '77': { vi: 'Tỉnh Bà Rịa - Vũng Tàu', now: '79' },
  '79': { vi: 'Thành phố Hồ Chí Minh', now: '79' },
  '80': { vi: 'Tỉnh Long An', now: '80' },
  '82': { vi: 'Tỉnh Tiền Giang', now: '82' },
  '83': { vi: 'Tỉnh Bến Tre', now: '86' },
  '84': { vi: 'Tỉnh Trà Vinh', now: '86' },
  '86': { vi: 'Tỉnh Vĩnh Long', now: '86' },
  '87': { vi: 'Tỉnh Đồng Tháp', now: '82' },
  '89': { vi: 'Tỉnh An Giang', now: '91' },
  '91': { vi: 'Tỉnh Kiên Giang', now: '91' },
  '92': { vi: 'Thành phố Cần Thơ', now: '92' },
  '93': { vi: 'Tỉnh Hậu Giang', now: '92' },
  '94': { vi: 'Tỉnh Sóc Trăng', now: '92' },
  '95': { vi: 'Tỉnh Bạc Liêu', now: '96' },
  '96': { vi: 'Tỉnh Cà Mau', now: '96' },
};

/** Lowercase ASCII letters and digits only: "Thừa Thiên - Huế" and "thua thien hue" fold alike. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const UNIT_PREFIX = /^(tinh|thanhpho|tp)/;
const foldUnit = (name: string) => foldText(name).replace(UNIT_PREFIX, '');

/** Names people write that the official ones do not fold to. */
const ALIASES: Record<string, string> = {
  hcm: '79',
  tphcm: '79',
  saigon: '79',
  hue: '46',
  brvt: '79',
  bariavungtau: '79',
  hn: '01',
};

const BY_NAME = new Map<string, { code: string; former: boolean }>();
for (const [code, p] of Object.entries(FORMER_PROVINCES)) BY_NAME.set(foldUnit(p.vi), { code, former: true });
// Today's names win where a unit kept its name (Lào Cai, Gia Lai…): they name today's wider unit.
for (const [code, p] of Object.entries(PROVINCES)) BY_NAME.set(foldUnit(p.vi), { code, former: false });

export type ResolvedProvince = { code: string; former?: { code: string; name: string } };

/**
 * Today's province for a code or name as a list may write it: a current code or name, or one of
 * the 63 former ones (then `former` says which). Null when it names no province at all.
 */
export function resolveProvince(written: string): ResolvedProvince | null {
  const text = written.trim();
  const digits = /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : null;
  if (digits) {
    if (Object.hasOwn(PROVINCES, digits)) return { code: digits };
    const former = FORMER_PROVINCES[digits];
    return former ? { code: former.now, former: { code: digits, name: former.vi } } : null;
  }
  const alias = ALIASES[foldText(text)];
  if (alias) return { code: alias };
  const hit = BY_NAME.get(foldUnit(text));
  if (!hit) return null;
  if (!hit.former) return { code: hit.code };
  const former = FORMER_PROVINCES[hit.code]!;
  return { code: former.now, former: { code: hit.code, name: former.vi } };
}
