import { invalid } from '../shared/errors';
import { authorize, type Action, type Actor } from '../shared/policy';

/** A retailer account placed in a province: the province places its intakes and its offline snapshot. */
export function retailerOf(actor: Actor, action: Action): { id: string; provinceCode: string } {
  authorize(actor, action);
  if (actor.kind === 'anonymous' || !actor.provinceCode) {
    throw invalid('Tài khoản điểm bán chưa gắn với tỉnh nào; hãy nhờ quản trị viên cấp lại tài khoản có tỉnh.');
  }
  return { id: actor.id, provinceCode: actor.provinceCode };
}
