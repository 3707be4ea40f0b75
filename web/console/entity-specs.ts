import { PROVINCES } from '../../src/data/provinces';
import { TAXONOMIES } from '../../src/data/taxonomy';
import { REGISTRY_ENTITIES, type RegistryKind } from '../../src/domain/registry-entities';
import { vietnamDate } from '../format';
import { inWords } from '../words';
import { vi } from '../words/vi';
import type { Field, Option } from './forms';

/** Choices that come from the registry itself, limited to what the actor may see. */
export type Lookups = { subjects: Option[]; products: Option[]; areas: Option[] };

const provinces: Option[] = Object.entries(PROVINCES).map(([value, p]) => ({ value, label: `${value} – ${p.vi}` }));
const options = (words: Record<string, string>): Option[] =>
  Object.entries(words).map(([value, label]) => ({ value, label }));
const subjectKinds = options(vi.subjectKinds);
const subgroups: Option[] = Object.entries(TAXONOMIES['2022'].groups).flatMap(([code, g]) =>
  Object.entries(g.subgroups).map(([sub, name]) => ({
    value: sub,
    label: `${sub} ${name}`,
    group: `${code}. ${g.vi}`,
  })),
);
const date = (v: unknown) => (typeof v === 'string' && v ? vietnamDate(v) : '—');
const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** How a list shows a field; any field not named here is shown as it is ("—" when empty). */
const CELL: Record<string, (value: unknown) => string> = {
  provinceCode: (v) => PROVINCES[String(v)]?.vi ?? shown(v),
  stars: (v) => '★'.repeat(Number(v)),
  status: (v) => inWords(vi.certificateStates, String(v)),
  validFrom: date,
  validUntil: date,
  productionDate: date,
  recalledOn: date,
};

export type ListColumn = { label: string; value: (row: Record<string, unknown>) => string };

/** A list's columns: the fields the entity table lists (src/domain/registry-entities.ts), headed in Vietnamese. */
export function listColumns(kind: RegistryKind): ListColumn[] {
  const headings: Record<string, string> = vi.registry[kind].columns;
  return REGISTRY_ENTITIES[kind].listed.map((field: string) => ({
    label: headings[field] ?? field,
    value: (row) => (CELL[field] ?? shown)(row[field]),
  }));
}

/** Each registry entity's form fields, in order; the console's routes and lists come from the entity table. */
export const ENTITY_FORMS: Record<RegistryKind, (l: Lookups) => Field[]> = {
  subjects: () => [
    { name: 'kind', label: 'Loại hình', type: 'select', required: true, options: subjectKinds },
    { name: 'name', label: 'Tên chủ thể', type: 'text', required: true },
    { name: 'registrationNumber', label: 'Mã số thuế / số đăng ký', type: 'text', required: true },
    { name: 'provinceCode', label: 'Tỉnh, thành phố', type: 'select', required: true, options: provinces },
    {
      name: 'communeCode',
      label: 'Mã xã (5 chữ số)',
      type: 'text',
      hint: 'Theo danh mục đơn vị hành chính từ 01/7/2025.',
    },
    { name: 'addressAsIssued', label: 'Địa chỉ (như trên giấy tờ)', type: 'text', required: true },
  ],
  areas: (l) => [
    { name: 'subjectId', label: 'Chủ thể', type: 'select', required: true, options: l.subjects, editable: false },
    { name: 'kind', label: 'Loại', type: 'select', required: true, options: options(vi.areaKinds) },
    { name: 'name', label: 'Tên vùng', type: 'text', required: true },
    { name: 'officialCode', label: 'Mã số vùng trồng / cơ sở đóng gói', type: 'text', hint: 'Ví dụ VN-DTOR-0017' },
    { name: 'provinceCode', label: 'Tỉnh, thành phố', type: 'select', required: true, options: provinces },
    { name: 'communeCode', label: 'Mã xã (5 chữ số)', type: 'text' },
  ],
  products: (l) => [
    { name: 'subjectId', label: 'Chủ thể', type: 'select', required: true, options: l.subjects, editable: false },
    { name: 'name', label: 'Tên sản phẩm', type: 'text', required: true },
    {
      name: 'groupCode',
      label: 'Nhóm (QĐ 148)',
      type: 'select',
      required: true,
      options: Object.entries(TAXONOMIES['2022'].groups).map(([value, g]) => ({ value, label: `${value}. ${g.vi}` })),
    },
    { name: 'subgroupCode', label: 'Phân nhóm', type: 'select', required: true, options: subgroups },
    {
      name: 'gtin',
      label: 'GTIN (mã vạch, nếu có)',
      type: 'text',
      hint: '13 chữ số, bắt đầu 893; số cuối là số kiểm tra.',
    },
  ],
  certificates: (l) => [
    { name: 'productId', label: 'Sản phẩm', type: 'select', required: true, options: l.products },
    { name: 'number', label: 'Số giấy chứng nhận', type: 'text', required: true },
    { name: 'score', label: 'Điểm (0–100)', type: 'number', required: true },
    {
      name: 'stars',
      label: 'Hạng sao',
      type: 'select',
      required: true,
      numeric: true,
      options: [3, 4, 5].map((n) => ({ value: String(n), label: `${n} sao` })),
      hint: '90–100: 5 sao, 70–89: 4 sao, 50–69: 3 sao.',
    },
    { name: 'issuerName', label: 'Cơ quan công nhận', type: 'text', required: true },
    {
      name: 'issuerLevel',
      label: 'Cấp công nhận',
      type: 'select',
      required: true,
      options: [
        { value: 'district', label: 'Cấp huyện (trước 01/7/2025)' },
        { value: 'province', label: 'Cấp tỉnh' },
        { value: 'central', label: 'Trung ương' },
      ],
    },
    { name: 'decisionNumber', label: 'Số quyết định', type: 'text', required: true },
    {
      name: 'decisionDate',
      label: 'Ngày quyết định',
      type: 'date',
      required: true,
      hint: 'Hiệu lực 36 tháng kể từ ngày quyết định.',
    },
  ],
  batches: (l) => [
    { name: 'productId', label: 'Sản phẩm', type: 'select', required: true, options: l.products, editable: false },
    { name: 'lot', label: 'Số lô', type: 'text', required: true },
    { name: 'productionDate', label: 'Ngày sản xuất', type: 'date', required: true },
    { name: 'bestBefore', label: 'Hạn sử dụng', type: 'date' },
    { name: 'quantity', label: 'Số lượng sản phẩm', type: 'number', required: true },
    { name: 'areaIds', label: 'Vùng nguyên liệu', type: 'multiselect', options: l.areas, editable: false },
  ],
};
