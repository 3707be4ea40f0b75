import { invalid } from '../shared/errors';
import { authorize, type Action, type Actor } from '../shared/policy';

/**
 * A retailer account placed in a province: the province places its intakes and its offline snapshot.
 * `countedAs` is who the copy rules count: the account's organisation, so two clerks of one shop
 * are one retailer; an account without one (made before organisations, or by the CLI without one)
 * counts as its own, as every account did before.
 */
export function retailerOf(
  actor: Actor,
  action: Action,
): { id: string; provinceCode: string; organisationId: string | null; countedAs: string } {
  authorize(actor, action);
  if (actor.kind === 'anonymous' || !actor.provinceCode) {
    throw invalid('Tài khoản điểm bán chưa gắn với tỉnh nào; hãy nhờ quản trị viên cấp lại tài khoản có tỉnh.');
  }
  const organisationId = actor.organisationId ?? null;
  return { id: actor.id, provinceCode: actor.provinceCode, organisationId, countedAs: organisationId ?? actor.id };
}
