import type { IsoDate } from './calendar';
import type { Scheme, Stars } from './stars';

export type IssuerLevel = 'district' | 'province' | 'central';

/** 148/QĐ-TTg took effect on 24 Feb 2023; 1489/QĐ-TTg on 1 Jul 2025, when districts ended. */
const DECISION_148_FROM = '2023-02-24';
const DECISION_1489_FROM = '2025-07-01';

export function schemeOn(decisionDate: IsoDate): Scheme {
  if (decisionDate < DECISION_148_FROM) return '1048';
  if (decisionDate < DECISION_1489_FROM) return '148';
  return '1489';
}

/** Which level of government may recognise a given star level on a given decision date. */
export function recognisingLevel(decisionDate: IsoDate, stars: Stars): IssuerLevel | null {
  if (stars < 3) return null;
  if (stars === 5) return 'central';
  if (schemeOn(decisionDate) === '148') return stars === 3 ? 'district' : 'province';
  return 'province';
}

export function mayRecognise(level: IssuerLevel, decisionDate: IsoDate, stars: Stars): boolean {
  return recognisingLevel(decisionDate, stars) === level;
}
