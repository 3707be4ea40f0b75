/** Star bands over a 100-point score (1048/QĐ-TTg and 148/QĐ-TTg use the same bands). */
export type Stars = 1 | 2 | 3 | 4 | 5;

export function starsFromScore(score: number): Stars {
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new RangeError('score must be an integer from 0 to 100');
  }
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  if (score >= 30) return 2;
  return 1;
}

/** Only 3★ and above are certified OCOP products. */
export function isCertifiable(stars: number): boolean {
  return stars >= 3 && stars <= 5;
}

export type Scheme = '1048' | '148' | '1489';

/** Maximum points of parts A, B and C. 1489 (2025) kept the 148 scoring. */
export const SCHEME_PARTS: Record<Scheme, { a: number; b: number; c: number }> = {
  '1048': { a: 35, b: 25, c: 40 },
  '148': { a: 40, b: 25, c: 35 },
  '1489': { a: 40, b: 25, c: 35 },
};
