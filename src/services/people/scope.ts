import { isProvinceCode } from '../../data/provinces';
import type { Db } from '../../db/client';
import { invalid } from '../shared/errors';
import type { Role } from '../shared/policy';
import { subjectTarget } from '../registry/load-scope';
import { uuid } from '../registry/inputs';

/** Who an invitation or a token speaks for, as the caller wrote it: a province code, `central`, or nothing. */
export type ScopeInput = { role: Role; provinceCode?: string | null; subjectId?: string | null };
/** Stored scope: `provinceCode` null is national (central). */
export type Scope = { provinceCode: string | null; subjectId: string | null };

const SCOPE_REQUIRED = 'Chọn một tỉnh, hoặc "central" (Trung ương) cho phạm vi toàn quốc.';

/**
 * Scope is never implied. A missing province used to mean "the whole country"; now inspectors and
 * authorities name a province or `central`, retailers a province (their intakes and offline
 * snapshot are provincial), producers a subject (whose province they take), admins nothing.
 */
export async function resolveScope(db: Db, input: ScopeInput): Promise<Scope> {
  const province = input.provinceCode?.trim() || null;
  const subjectId = input.subjectId?.trim() || null;
  if (input.role !== 'producer' && subjectId) {
    throw invalid('Chỉ nhà sản xuất mới gắn với một chủ thể.', [
      { path: 'subjectId', message: 'Bỏ trống với vai trò này.' },
    ]);
  }
  if (province !== null && province !== 'central' && !isProvinceCode(province)) {
    throw invalid('Mã tỉnh không thuộc 34 đơn vị hiện hành.', [
      { path: 'provinceCode', message: 'Chọn một tỉnh trong danh sách hoặc "central".' },
    ]);
  }
  switch (input.role) {
    case 'producer': {
      if (!subjectId || !uuid.safeParse(subjectId).success) {
        throw invalid('Nhà sản xuất phải gắn với một chủ thể.', [{ path: 'subjectId', message: 'Chọn chủ thể.' }]);
      }
      return { provinceCode: (await subjectTarget(db, subjectId)).provinceCode, subjectId };
    }
    case 'admin':
      if (province !== null && province !== 'central') {
        throw invalid('Quản trị viên có phạm vi toàn quốc.', [
          { path: 'provinceCode', message: 'Bỏ trống hoặc chọn "central".' },
        ]);
      }
      return { provinceCode: null, subjectId: null };
    case 'retailer':
      if (province === null || province === 'central') {
        throw invalid('Nhà bán lẻ phải thuộc một tỉnh.', [
          { path: 'provinceCode', message: 'Chọn tỉnh của điểm bán.' },
        ]);
      }
      return { provinceCode: province, subjectId: null };
    default:
      if (province === null) throw invalid('Thiếu phạm vi.', [{ path: 'provinceCode', message: SCOPE_REQUIRED }]);
      return { provinceCode: province === 'central' ? null : province, subjectId: null };
  }
}
