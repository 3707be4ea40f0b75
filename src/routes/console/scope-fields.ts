import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { PROVINCES } from '../../data/provinces';
import { listRegistry } from '../../services/registry/read-registry';
import { ROLES } from '../../services/shared/policy';
import { serviceContext } from '../context';
import type { Field } from '../../../web/console/forms';
import { ROLE_VI } from '../../../web/console/people-view';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_VI[r] }));
const PROVINCE_OPTIONS = [{ value: 'central', label: 'Trung ương (toàn quốc)' },
  ...Object.entries(PROVINCES).sort(([a], [b]) => a.localeCompare(b)).map(([value, p]) => ({ value, label: `${value} – ${p.vi}` }))];

/** Who an invitation or a token speaks for: the same fields for both, scope never implied. */
export const scopeFields = (subjects: { value: string; label: string }[]): Field[] => [
  { name: 'name', label: 'Họ tên / tên', type: 'text', required: true },
  { name: 'role', label: 'Vai trò', type: 'select', required: true, options: ROLE_OPTIONS },
  { name: 'provinceCode', label: 'Phạm vi', type: 'select', options: PROVINCE_OPTIONS,
    hint: 'Bắt buộc với thanh tra và cơ quan quản lý (một tỉnh hoặc Trung ương) và với nhà bán lẻ (một tỉnh).' },
  { name: 'subjectId', label: 'Chủ thể (chỉ với nhà sản xuất)', type: 'select', options: subjects },
];

export async function subjectOptions(c: Context<AppEnv>) {
  const page = await listRegistry(serviceContext(c), 'subjects', { page: 1, pageSize: 100 }).catch(() => ({ items: [] }));
  return (page.items as { id: string; name: string }[]).map((s) => ({ value: s.id, label: s.name }));
}
