import { asc, inArray } from 'drizzle-orm';
import { foldText } from '../../data/former-provinces';
import type { ImportColumn } from '../../data/import-columns';
import { PROVINCES } from '../../data/provinces';
import type { Db } from '../../db/client';
import { certificates, products, subjects } from '../../db/schema';
import type { CheckedRow, RowProblem } from './check-row';

export type Outcome = 'new' | 'existing';
/** What committing one row does: each of its three records is created, or found already there. */
export type PlannedRow = CheckedRow & {
  subjectKey: string;
  productKey: string;
  subjectOutcome: Outcome;
  productOutcome: Outcome;
  certificateOutcome: Outcome;
  subjectId?: string;
  productId?: string;
};

const productKeyOf = (registrationNumber: string, name: string) => `${registrationNumber}\n${foldText(name)}`;
const CERTIFICATE_COLUMNS = {
  score: 'diem',
  stars: 'so_sao',
  decisionNumber: 'so_quyet_dinh',
  decisionDate: 'ngay_quyet_dinh',
  issuerLevel: 'cap_cong_nhan',
  issuerName: 'co_quan_cap',
} as const satisfies Partial<Record<keyof CheckedRow['certificate'], ImportColumn>>;

/**
 * Matches each row with what the registry already holds (subjects by registration number,
 * products by subject and name, certificates by number) and with the rows above it, so a
 * second import of the same file plans nothing new. A row that contradicts either is a problem:
 * an import adds records, it never edits one.
 */
export async function planImport(
  db: Db,
  rows: CheckedRow[],
): Promise<{ planned: PlannedRow[]; problems: RowProblem[] }> {
  const registrations = [...new Set(rows.map((r) => r.subject.registrationNumber))];
  const numbers = [...new Set(rows.map((r) => r.certificate.number))];
  const storedSubjects = registrations.length
    ? await db
        .select({
          id: subjects.id,
          registrationNumber: subjects.registrationNumber,
          provinceCode: subjects.provinceCode,
        })
        .from(subjects)
        .where(inArray(subjects.registrationNumber, registrations))
        .orderBy(asc(subjects.createdAt))
    : [];
  const subjectByRegistration = new Map<string, (typeof storedSubjects)[number]>();
  for (const s of storedSubjects)
    if (!subjectByRegistration.has(s.registrationNumber)) subjectByRegistration.set(s.registrationNumber, s);
  const subjectIds = [...subjectByRegistration.values()].map((s) => s.id);
  const storedProducts = subjectIds.length
    ? await db
        .select({
          id: products.id,
          subjectId: products.subjectId,
          name: products.name,
          taxonomyVersion: products.taxonomyVersion,
          groupCode: products.groupCode,
          subgroupCode: products.subgroupCode,
          gtin: products.gtin,
        })
        .from(products)
        .where(inArray(products.subjectId, subjectIds))
        .orderBy(asc(products.createdAt))
    : [];
  const storedCertificates = numbers.length
    ? await db
        .select({
          number: certificates.number,
          productId: certificates.productId,
          score: certificates.score,
          stars: certificates.stars,
          decisionNumber: certificates.decisionNumber,
          decisionDate: certificates.decisionDate,
          issuerLevel: certificates.issuerLevel,
          issuerName: certificates.issuerName,
        })
        .from(certificates)
        .where(inArray(certificates.number, numbers))
    : [];
  const certificateByNumber = new Map(storedCertificates.map((c) => [c.number, c]));

  const problems: RowProblem[] = [];
  const planned: PlannedRow[] = [];
  const firstSubject = new Map<string, CheckedRow>();
  const firstProduct = new Map<string, CheckedRow>();
  const firstCertificate = new Map<string, number>();

  for (const r of rows) {
    const found: RowProblem[] = [];
    const problem = (column: ImportColumn, code: RowProblem['code'], message: string) => {
      if (!found.some((p) => p.column === column))
        found.push({ row: r.row, column, value: r.values[column], code, message });
    };
    const subjectKey = r.subject.registrationNumber;
    const productKey = productKeyOf(subjectKey, r.product.name);
    const stored = subjectByRegistration.get(subjectKey);
    const earlier = firstSubject.get(subjectKey);
    if (earlier) {
      if (foldText(earlier.subject.name) !== foldText(r.subject.name))
        problem(
          'ten_chu_the',
          'duplicate',
          `Mã số đăng ký ${subjectKey} đã có ở dòng ${earlier.row} với tên chủ thể khác.`,
        );
      if (earlier.subject.kind !== r.subject.kind)
        problem(
          'loai_chu_the',
          'duplicate',
          `Mã số đăng ký ${subjectKey} đã có ở dòng ${earlier.row} với loại chủ thể khác.`,
        );
      if (earlier.subject.provinceCode !== r.subject.provinceCode)
        problem('ma_tinh', 'duplicate', `Mã số đăng ký ${subjectKey} đã có ở dòng ${earlier.row} với tỉnh khác.`);
    } else firstSubject.set(subjectKey, r);
    if (stored && stored.provinceCode !== r.subject.provinceCode) {
      problem(
        'ma_tinh',
        'conflict',
        `Chủ thể có mã số đăng ký ${subjectKey} đã được đăng ký ở ${PROVINCES[stored.provinceCode]?.vi ?? stored.provinceCode}.`,
      );
    }

    const storedProduct = stored
      ? storedProducts.find((p) => p.subjectId === stored.id && foldText(p.name) === foldText(r.product.name))
      : undefined;
    const earlierProduct = firstProduct.get(productKey);
    const sameClass = (other: { taxonomyVersion: string; groupCode: string; subgroupCode: string }) =>
      other.taxonomyVersion !== r.product.taxonomyVersion ||
      (other.groupCode === r.product.groupCode && other.subgroupCode === r.product.subgroupCode);
    if (earlierProduct && !sameClass(earlierProduct.product))
      problem(
        'phan_nhom',
        'duplicate',
        `Sản phẩm này đã có ở dòng ${earlierProduct.row} với nhóm hoặc phân nhóm khác.`,
      );
    else if (storedProduct && !sameClass(storedProduct)) {
      problem(
        'phan_nhom',
        'conflict',
        `Sản phẩm này đã có trong sổ với phân nhóm ${storedProduct.subgroupCode}: nhập danh sách không sửa được sản phẩm.`,
      );
    }
    const gtin = r.product.gtin;
    if (gtin && earlierProduct?.product.gtin && earlierProduct.product.gtin !== gtin)
      problem('gtin', 'duplicate', `Sản phẩm này đã có ở dòng ${earlierProduct.row} với GTIN khác.`);
    else if (gtin && storedProduct?.gtin && storedProduct.gtin !== gtin)
      problem('gtin', 'conflict', `Sản phẩm này đã có trong sổ với GTIN ${storedProduct.gtin}.`);
    if (!earlierProduct) firstProduct.set(productKey, r);

    const number = r.certificate.number;
    const storedCertificate = certificateByNumber.get(number);
    const earlierRow = firstCertificate.get(number);
    if (earlierRow !== undefined)
      problem('so_chung_nhan', 'duplicate', `Số chứng nhận ${number} trùng với dòng ${earlierRow}.`);
    else firstCertificate.set(number, r.row);
    if (storedCertificate && earlierRow === undefined) {
      if (!storedProduct || storedCertificate.productId !== storedProduct.id) {
        problem('so_chung_nhan', 'conflict', `Số chứng nhận ${number} đã được dùng cho một sản phẩm khác trong sổ.`);
      } else {
        for (const [field, column] of Object.entries(CERTIFICATE_COLUMNS) as [
          keyof typeof CERTIFICATE_COLUMNS,
          ImportColumn,
        ][]) {
          if (String(storedCertificate[field]) !== String(r.certificate[field])) {
            problem(
              column,
              'conflict',
              `Chứng nhận ${number} đã có trong sổ với nội dung khác ở cột này (${storedCertificate[field]}): nhập danh sách không sửa được chứng nhận.`,
            );
          }
        }
      }
    }
    problems.push(...found);
    planned.push({
      ...r,
      subjectKey,
      productKey,
      subjectOutcome: stored || earlier ? 'existing' : 'new',
      productOutcome: storedProduct || earlierProduct ? 'existing' : 'new',
      certificateOutcome: storedCertificate ? 'existing' : 'new',
      ...(stored ? { subjectId: stored.id } : {}),
      ...(storedProduct ? { productId: storedProduct.id } : {}),
    });
  }
  return { planned, problems };
}
