import { foldText } from '../../data/former-provinces';
import { isIsoDate, type IsoDate } from '../../domain/calendar';
import type { IssuerLevel } from '../../domain/recognition';

/** Words people write in a list for each code, folded (no diacritics, case or spaces). */
const SUBJECT_KINDS: Record<string, 'htx' | 'to_hop_tac' | 'doanh_nghiep' | 'ho_kinh_doanh'> = {
  htx: 'htx',
  hoptacxa: 'htx',
  cooperative: 'htx',
  tohoptac: 'to_hop_tac',
  tht: 'to_hop_tac',
  cooperativegroup: 'to_hop_tac',
  doanhnghiep: 'doanh_nghiep',
  dn: 'doanh_nghiep',
  congty: 'doanh_nghiep',
  enterprise: 'doanh_nghiep',
  hokinhdoanh: 'ho_kinh_doanh',
  hkd: 'ho_kinh_doanh',
  hosanxuat: 'ho_kinh_doanh',
  hosanxuatkinhdoanh: 'ho_kinh_doanh',
  householdbusiness: 'ho_kinh_doanh',
};

const ISSUER_LEVELS: Record<string, IssuerLevel> = {
  district: 'district',
  huyen: 'district',
  caphuyen: 'district',
  province: 'province',
  tinh: 'province',
  captinh: 'province',
  central: 'central',
  trunguong: 'central',
  captrunguong: 'central',
  tw: 'central',
};

export const subjectKindOf = (text: string) => SUBJECT_KINDS[foldText(text)] ?? null;
export const issuerLevelOf = (text: string): IssuerLevel | null => ISSUER_LEVELS[foldText(text)] ?? null;

/** An integer cell: "78", or 78 from a spreadsheet. */
export function integerOf(text: string): number | null {
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/** "4", "4 sao", "4★" or "★★★★". */
export function starsOf(text: string): number | null {
  if (/^★{1,5}$/.test(text)) return text.length;
  const m = /^(\d)\s*(sao|★)?$/i.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * A decision date as lists write it, dd/mm/yyyy (Decree 43/2017's order; also with `-` or `.`,
 * and single-digit day or month), or already ISO. Null when it is not a real calendar day.
 */
export function decisionDateOf(text: string): IsoDate | null {
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}
