/** GS1 mod-10 check digit over GTIN-8/12/13/14. */
export function isValidGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin)) return false;
  const digits = [...gtin].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** GS1 Digital Link always carries the 14-digit form. */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}

/**
 * The GTIN-14 of a GTIN-8, -12, -13 or -14 whose check digit holds, or null. Padding keeps the
 * check digit valid (leading zeros weigh nothing), so one product has one key whatever the
 * barcode printed: the GTIN-13 of an EAN-13 and its GTIN-14 reach the same record.
 */
export function normaliseGtin(input: string): string | null {
  return isValidGtin(input) ? toGtin14(input) : null;
}
