import { PROVINCES } from '../../src/data/provinces';
import type { Field, Option } from './forms';
import { vi } from '../words/vi';

const ROLE_OPTIONS = Object.entries(vi.roles).map(([value, label]) => ({ value, label }));
const PROVINCE_OPTIONS = [
  { value: 'central', label: vi.messages.scopeCentral },
  ...Object.entries(PROVINCES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, p]) => ({ value, label: `${value} – ${p.vi}` })),
];

/** Who an invitation or a token speaks for: the same fields for both, scope never implied. */
export const scopeFields = (subjects: Option[], organisations: Option[] = []): Field[] => [
  { name: 'name', label: 'Họ tên / tên', type: 'text', required: true },
  { name: 'role', label: 'Vai trò', type: 'select', required: true, options: ROLE_OPTIONS },
  {
    name: 'provinceCode',
    label: 'Phạm vi',
    type: 'select',
    options: PROVINCE_OPTIONS,
    hint: 'Bắt buộc với thanh tra và cơ quan quản lý (một tỉnh hoặc Trung ương) và với nhà bán lẻ (một tỉnh).',
  },
  { name: 'subjectId', label: 'Chủ thể (chỉ với nhà sản xuất)', type: 'select', options: subjects },
  {
    name: 'organisationId',
    label: vi.pointsOfSale.fields.organisation,
    type: 'select',
    options: organisations,
    hint: vi.pointsOfSale.console.organisationHint,
  },
];
