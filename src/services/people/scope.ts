import { isProvinceCode } from '../../data/provinces';
import type { Db } from '../../db/client';
import { invalid } from '../shared/errors';
import type { Role } from '../shared/policy';
import { subjectTarget } from '../registry/load-scope';
import { uuid } from '../registry/inputs';
import { organisationTarget } from '../points-of-sale/load-organisation';

/** Who an invitation or a token speaks for, as the caller wrote it: a province code, `central`, or nothing. */
export type ScopeInput = {
  role: Role;
  provinceCode?: string | null;
  subjectId?: string | null;
  organisationId?: string | null;
};
/** Stored scope: `provinceCode` null is national (central); `organisationId` only for retailers. */
export type Scope = { provinceCode: string | null; subjectId: string | null; organisationId: string | null };

const SCOPE_REQUIRED = 'Chọn một tỉnh, hoặc "central" (Trung ương) cho phạm vi toàn quốc.';

/**
 * Scope is never implied. A missing province used to mean "the whole country"; now inspectors and
 * authorities name a province or `central`, retailers a province (their intakes and offline
 * snapshot are provincial), producers a subject (whose province they take), admins nothing.
 */
export async function resolveScope(db: Db, input: ScopeInput): Promise<Scope> {
  const province = input.provinceCode?.trim() || null;
  const subjectId = input.subjectId?.trim() || null;
  const organisationId = input.organisationId?.trim() || null;
  if (input.role !== 'retailer' && organisationId) {
    throw invalid('Chỉ nhà bán lẻ mới thuộc một tổ chức bán lẻ.', [
      { path: 'organisationId', message: 'Bỏ trống với vai trò này.' },
    ]);
  }
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
      return { provinceCode: (await subjectTarget(db, subjectId)).provinceCode, subjectId, organisationId: null };
    }
    case 'admin':
      if (province !== null && province !== 'central') {
        throw invalid('Quản trị viên có phạm vi toàn quốc.', [
          { path: 'provinceCode', message: 'Bỏ trống hoặc chọn "central".' },
        ]);
      }
      return { provinceCode: null, subjectId: null, organisationId: null };
    case 'retailer':
      if (organisationId) return retailerScope(db, organisationId, province);
      if (province === null || province === 'central') {
        throw invalid('Nhà bán lẻ phải thuộc một tỉnh.', [
          { path: 'provinceCode', message: 'Chọn tỉnh của điểm bán.' },
        ]);
      }
      return { provinceCode: province, subjectId: null, organisationId: null };
    default:
      if (province === null) throw invalid('Thiếu phạm vi.', [{ path: 'provinceCode', message: SCOPE_REQUIRED }]);
      return { provinceCode: province === 'central' ? null : province, subjectId: null, organisationId: null };
  }
}

/**
 * A clerk of an organisation works in its province: a province written beside it must be the same.
 * A closed organisation takes no new accounts (a suspended one may, to be reinstated with them).
 */
async function retailerScope(db: Db, organisationId: string, province: string | null): Promise<Scope> {
  const organisation = uuid.safeParse(organisationId).success ? await organisationTarget(db, organisationId) : null;
  if (!organisation || organisation.status === 'closed') {
    throw invalid('Tổ chức bán lẻ không tồn tại hoặc đã đóng.', [
      { path: 'organisationId', message: 'Chọn một tổ chức đang hoạt động.' },
    ]);
  }
  if (province !== null && province !== organisation.provinceCode) {
    throw invalid('Tỉnh không khớp với tỉnh của tổ chức bán lẻ.', [
      { path: 'provinceCode', message: 'Bỏ trống hoặc chọn tỉnh của tổ chức.' },
    ]);
  }
  return { provinceCode: organisation.provinceCode, subjectId: null, organisationId };
}
