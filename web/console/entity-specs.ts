import { PROVINCES } from '../../src/data/provinces';
import { TAXONOMIES } from '../../src/data/taxonomy';
import type { RegistryEntity } from '../../src/services/registry/read-registry';
import type { Action } from '../../src/services/shared/policy';
import { vietnamDate } from '../format';
import { vi } from '../words/vi';
import type { CertificateState } from '../words/types';
import type { Field, Option } from './forms';

/** Choices that come from the registry itself, limited to what the actor may see. */
export type Lookups = { subjects: Option[]; products: Option[]; areas: Option[] };

const provinces: Option[] = Object.entries(PROVINCES).map(([value, p]) => ({ value, label: `${value} – ${p.vi}` }));
const options = (words: Record<string, string>): Option[] => Object.entries(words).map(([value, label]) => ({ value, label }));
const subjectKinds = options(vi.subjectKinds);
const subgroups: Option[] = Object.entries(TAXONOMIES['2022'].groups).flatMap(([code, g]) =>
  Object.entries(g.subgroups).map(([sub, name]) => ({ value: sub, label: `${sub} ${name}`, group: `${code}. ${g.vi}` })));
const date = (v: unknown) => (typeof v === 'string' && v ? vietnamDate(v) : '—');

export type EntitySpec = {
  title: string; singular: string; createAction: Action; updateAction: Action | null;
  fields: (l: Lookups) => Field[];
  columns: { label: string; value: (row: Record<string, unknown>) => string }[];
};

/** One entry per registry entity: its form fields and its list columns. Routes are generated from it. */
export const ENTITY_SPECS: Record<RegistryEntity, EntitySpec> = {
  subjects: {
    title: 'Chủ thể OCOP', singular: 'chủ thể', createAction: 'subject.create', updateAction: 'subject.update',
    fields: () => [
      { name: 'kind', label: 'Loại hình', type: 'select', required: true, options: subjectKinds },
      { name: 'name', label: 'Tên chủ thể', type: 'text', required: true },
      { name: 'registrationNumber', label: 'Mã số thuế / số đăng ký', type: 'text', required: true },
      { name: 'provinceCode', label: 'Tỉnh, thành phố', type: 'select', required: true, options: provinces },
      { name: 'communeCode', label: 'Mã xã (5 chữ số)', type: 'text', hint: 'Theo danh mục đơn vị hành chính từ 01/7/2025.' },
      { name: 'addressAsIssued', label: 'Địa chỉ (như trên giấy tờ)', type: 'text', required: true },
    ],
    columns: [{ label: 'Tên', value: (r) => String(r.name) }, { label: 'Mã số', value: (r) => String(r.registrationNumber) },
      { label: 'Tỉnh', value: (r) => PROVINCES[String(r.provinceCode)]?.vi ?? String(r.provinceCode) }],
  },
  areas: {
    title: 'Vùng nguyên liệu', singular: 'vùng nguyên liệu', createAction: 'area.create', updateAction: 'area.update',
    fields: (l) => [
      { name: 'subjectId', label: 'Chủ thể', type: 'select', required: true, options: l.subjects, editable: false },
      { name: 'kind', label: 'Loại', type: 'select', required: true, options: options(vi.areaKinds) },
      { name: 'name', label: 'Tên vùng', type: 'text', required: true },
      { name: 'officialCode', label: 'Mã số vùng trồng / cơ sở đóng gói', type: 'text', hint: 'Ví dụ VN-DTOR-0017' },
      { name: 'provinceCode', label: 'Tỉnh, thành phố', type: 'select', required: true, options: provinces },
      { name: 'communeCode', label: 'Mã xã (5 chữ số)', type: 'text' },
    ],
    columns: [{ label: 'Tên', value: (r) => String(r.name) }, { label: 'Mã vùng', value: (r) => String(r.officialCode ?? '—') }],
  },
  products: {
    title: 'Sản phẩm', singular: 'sản phẩm', createAction: 'product.create', updateAction: 'product.update',
    fields: (l) => [
      { name: 'subjectId', label: 'Chủ thể', type: 'select', required: true, options: l.subjects, editable: false },
      { name: 'name', label: 'Tên sản phẩm', type: 'text', required: true },
      { name: 'groupCode', label: 'Nhóm (QĐ 148)', type: 'select', required: true,
        options: Object.entries(TAXONOMIES['2022'].groups).map(([value, g]) => ({ value, label: `${value}. ${g.vi}` })) },
      { name: 'subgroupCode', label: 'Phân nhóm', type: 'select', required: true, options: subgroups },
      { name: 'gtin', label: 'GTIN (mã vạch, nếu có)', type: 'text', hint: '13 chữ số, bắt đầu 893; số cuối là số kiểm tra.' },
    ],
    columns: [{ label: 'Tên', value: (r) => String(r.name) }, { label: 'Phân nhóm', value: (r) => String(r.subgroupCode) }, { label: 'GTIN', value: (r) => String(r.gtin ?? '—') }],
  },
  certificates: {
    title: 'Giấy chứng nhận OCOP', singular: 'giấy chứng nhận', createAction: 'certificate.create', updateAction: null,
    fields: (l) => [
      { name: 'productId', label: 'Sản phẩm', type: 'select', required: true, options: l.products },
      { name: 'number', label: 'Số giấy chứng nhận', type: 'text', required: true },
      { name: 'score', label: 'Điểm (0–100)', type: 'number', required: true },
      { name: 'stars', label: 'Hạng sao', type: 'select', required: true, numeric: true, options: [3, 4, 5].map((n) => ({ value: String(n), label: `${n} sao` })),
        hint: '90–100: 5 sao, 70–89: 4 sao, 50–69: 3 sao.' },
      { name: 'issuerName', label: 'Cơ quan công nhận', type: 'text', required: true },
      { name: 'issuerLevel', label: 'Cấp công nhận', type: 'select', required: true,
        options: [{ value: 'district', label: 'Cấp huyện (trước 01/7/2025)' }, { value: 'province', label: 'Cấp tỉnh' }, { value: 'central', label: 'Trung ương' }] },
      { name: 'decisionNumber', label: 'Số quyết định', type: 'text', required: true },
      { name: 'decisionDate', label: 'Ngày quyết định', type: 'date', required: true, hint: 'Hiệu lực 36 tháng kể từ ngày quyết định.' },
    ],
    columns: [{ label: 'Số', value: (r) => String(r.number) }, { label: 'Sao', value: (r) => '★'.repeat(Number(r.stars)) },
      { label: 'Hiệu lực', value: (r) => `${date(r.validFrom)} – ${date(r.validUntil)}` }, { label: 'Trạng thái', value: (r) => vi.certificateStates[r.status as CertificateState] ?? String(r.status) }],
  },
  batches: {
    title: 'Lô hàng', singular: 'lô hàng', createAction: 'batch.create', updateAction: 'batch.update',
    fields: (l) => [
      { name: 'productId', label: 'Sản phẩm', type: 'select', required: true, options: l.products, editable: false },
      { name: 'lot', label: 'Số lô', type: 'text', required: true },
      { name: 'productionDate', label: 'Ngày sản xuất', type: 'date', required: true },
      { name: 'bestBefore', label: 'Hạn sử dụng', type: 'date' },
      { name: 'quantity', label: 'Số lượng sản phẩm', type: 'number', required: true },
      { name: 'areaIds', label: 'Vùng nguyên liệu', type: 'multiselect', options: l.areas, editable: false },
    ],
    columns: [{ label: 'Số lô', value: (r) => String(r.lot) }, { label: 'Sản xuất', value: (r) => date(r.productionDate) },
      { label: 'Số lượng', value: (r) => String(r.quantity) }, { label: 'Thu hồi', value: (r) => (r.recalledOn ? date(r.recalledOn) : '—') }],
  },
};
