import type { z } from '@hono/zod-openapi';
import { resolveProvince } from '../../data/former-provinces';
import type { ImportColumn } from '../../data/import-columns';
import { PROVINCES } from '../../data/provinces';
import { classification } from '../../data/taxonomy';
import type { IsoDate } from '../../domain/calendar';
import { formatVietnameseDate } from '../../domain/calendar';
import { recognisingLevel, schemeOn } from '../../domain/recognition';
import { starsFromScore, type Stars } from '../../domain/stars';
import {
  createCertificateInput,
  createProductInput,
  createSubjectInput,
  type CreateCertificateInput,
  type CreateProductInput,
  type CreateSubjectInput,
} from '../registry/inputs';
import { AppError } from '../shared/errors';
import { authorize, type Actor } from '../shared/policy';
import { decisionDateOf, integerOf, issuerLevelOf, starsOf, subjectKindOf } from './cell-values';
import type { ImportRow } from './read-table';

/**
 * One cell's problem. `code`: `invalid` breaks a rule of issuance, `out_of_scope` is outside the
 * importer's province or level, `duplicate` contradicts a row above, `conflict` the registry.
 */
export type RowProblem = {
  row: number;
  column: ImportColumn;
  value: string;
  code: 'invalid' | 'out_of_scope' | 'duplicate' | 'conflict';
  message: string;
};
export type CheckedRow = {
  row: number;
  /** The cells as written, for the report. */
  values: Record<ImportColumn, string>;
  subject: CreateSubjectInput;
  /** Set when the list names one of the 63 former provinces: the address stays as issued. */
  formerProvince?: { code: string; name: string };
  product: Omit<CreateProductInput, 'subjectId'>;
  certificate: Omit<CreateCertificateInput, 'productId'>;
};

const LEVEL_VI = { district: 'cấp huyện', province: 'cấp tỉnh', central: 'cấp trung ương' } as const;
/** Stands in for ids that exist only once the row is written, so the create schemas can run now. */
const PENDING_ID = '00000000-0000-4000-8000-000000000000';

const SUBJECT_FIELDS = {
  kind: 'loai_chu_the',
  name: 'ten_chu_the',
  registrationNumber: 'ma_so_dang_ky',
  provinceCode: 'ma_tinh',
  addressAsIssued: 'dia_chi',
} as const;
const PRODUCT_FIELDS = {
  name: 'ten_san_pham',
  groupCode: 'nhom',
  subgroupCode: 'phan_nhom',
  gtin: 'gtin',
  subjectId: 'ten_chu_the',
  taxonomyVersion: 'phan_nhom',
} as const;
const CERTIFICATE_FIELDS = {
  number: 'so_chung_nhan',
  score: 'diem',
  stars: 'so_sao',
  issuerName: 'co_quan_cap',
  issuerLevel: 'cap_cong_nhan',
  decisionNumber: 'so_quyet_dinh',
  decisionDate: 'ngay_quyet_dinh',
  productId: 'ten_san_pham',
} as const;

/**
 * Every rule the registry applies when a subject, product and certificate are created by hand,
 * to one row of a list: the create schemas themselves (inputs.ts), then the rules the create
 * services add (taxonomy, stars from score, who recognises which level, the actor's province).
 * Each cell gets at most one problem, and a rule that depends on a cell already found wrong is
 * not run, so one mistake is reported once.
 */
export function checkRow(
  input: ImportRow,
  context: { actor: Actor; today: IsoDate },
): { checked: CheckedRow | null; problems: RowProblem[] } {
  const { row, values } = input;
  const problems: RowProblem[] = [];
  const wrong = new Set<ImportColumn>();
  const report = (column: ImportColumn, message: string, code: RowProblem['code'] = 'invalid') => {
    if (wrong.has(column)) return;
    wrong.add(column);
    problems.push({ row, column, value: values[column], code, message });
  };
  const parsed = <T>(schema: z.ZodType<T>, data: unknown, columns: Record<string, ImportColumn>): T | null => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) report(columns[String(issue.path[0])] ?? 'ten_chu_the', issue.message);
    return null;
  };

  const kind = subjectKindOf(values.loai_chu_the);
  if (!kind) report('loai_chu_the', 'Loại chủ thể phải là một trong: htx, to_hop_tac, doanh_nghiep, ho_kinh_doanh.');
  const province = values.ma_tinh ? resolveProvince(values.ma_tinh) : null;
  if (!values.ma_tinh) report('ma_tinh', 'Không được để trống.');
  else if (!province)
    report('ma_tinh', `Không có tỉnh “${values.ma_tinh}” trong 34 tỉnh hiện nay hay 63 tỉnh trước 01/7/2025.`);
  else {
    try {
      authorize(context.actor, 'certificate.import', { provinceCode: province.code, subjectId: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report(
        'ma_tinh',
        `${PROVINCES[province.code]!.vi} nằm ngoài phạm vi của bạn: chỉ nhập được chứng nhận của tỉnh mình.`,
        'out_of_scope',
      );
    }
  }

  const score = integerOf(values.diem);
  if (score === null || score > 100) report('diem', 'Điểm phải là số nguyên từ 0 đến 100.');
  const stars = starsOf(values.so_sao);
  if (stars === null) report('so_sao', 'Số sao phải là số nguyên từ 3 đến 5.');
  const decisionDate = decisionDateOf(values.ngay_quyet_dinh);
  if (!decisionDate) report('ngay_quyet_dinh', 'Ngày quyết định phải có dạng dd/mm/yyyy và là ngày có thật.');
  else if (decisionDate > context.today)
    report('ngay_quyet_dinh', `Ngày quyết định ${formatVietnameseDate(decisionDate)} chưa tới.`);
  const levelText = values.cap_cong_nhan;
  const givenLevel = levelText ? issuerLevelOf(levelText) : null;
  if (levelText && !givenLevel)
    report('cap_cong_nhan', 'Cấp công nhận phải là huyện, tỉnh hoặc trung ương (district, province, central).');

  const subject = parsed(
    createSubjectInput,
    {
      kind: kind ?? 'htx',
      name: values.ten_chu_the,
      registrationNumber: values.ma_so_dang_ky,
      provinceCode: province?.code ?? '01',
      addressAsIssued: values.dia_chi,
    },
    SUBJECT_FIELDS,
  );

  // A product keeps the classification of the era it was rated in (1048 until 148 took over).
  const taxonomyVersion = decisionDate && schemeOn(decisionDate) === '1048' ? '2019' : '2022';
  const product = parsed(
    createProductInput,
    {
      subjectId: PENDING_ID,
      name: values.ten_san_pham,
      taxonomyVersion,
      groupCode: values.nhom,
      subgroupCode: values.phan_nhom,
      gtin: values.gtin || undefined,
    },
    PRODUCT_FIELDS,
  );
  if (product && decisionDate && !classification(taxonomyVersion, product.groupCode, product.subgroupCode)) {
    report(
      'phan_nhom',
      `Không có phân nhóm ${product.subgroupCode} trong nhóm ${product.groupCode} (phân loại ${taxonomyVersion}, theo ngày quyết định).`,
    );
  }

  let level = givenLevel;
  const certifiable = score !== null && score <= 100 && stars !== null;
  if (certifiable && starsFromScore(score) !== stars) {
    report('so_sao', `Điểm ${score} tương ứng ${starsFromScore(score)} sao, không phải ${stars} sao.`);
  } else if (certifiable && decisionDate && stars >= 3 && stars <= 5) {
    const required = recognisingLevel(decisionDate, stars as Stars);
    if (levelText && givenLevel && givenLevel !== required) {
      report(
        'cap_cong_nhan',
        `Sản phẩm ${stars} sao, quyết định ngày ${formatVietnameseDate(decisionDate)}: phải do ${required ? LEVEL_VI[required] : '—'} công nhận.`,
      );
    }
    level = required;
    const actor = context.actor;
    if (
      required === 'central' &&
      actor.kind !== 'anonymous' &&
      actor.role === 'authority' &&
      actor.provinceCode !== null
    ) {
      report('so_sao', 'Chỉ cơ quan trung ương được ghi nhận chứng nhận 5 sao.', 'out_of_scope');
    }
  }
  const certificate = parsed(
    createCertificateInput,
    {
      productId: PENDING_ID,
      number: values.so_chung_nhan,
      score: score ?? 0,
      stars: stars ?? 3,
      issuerName: values.co_quan_cap,
      issuerLevel: level ?? 'province',
      decisionNumber: values.so_quyet_dinh,
      decisionDate: decisionDate ?? '2000-01-01',
    },
    CERTIFICATE_FIELDS,
  );

  if (problems.length || !subject || !product || !certificate) return { checked: null, problems };
  const { subjectId: _s, ...productFields } = product;
  const { productId: _p, ...certificateFields } = certificate;
  return {
    checked: {
      row,
      values,
      subject,
      product: productFields,
      certificate: certificateFields,
      ...(province?.former ? { formerProvince: province.former } : {}),
    },
    problems,
  };
}
