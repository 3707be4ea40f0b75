import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { batches, certificates, inspections } from '../../db/schema';
import { invalid, notFound } from '../shared/errors';
import { productTarget, type RecordTarget } from '../registry/load-scope';

/** The subject and province a certificate belongs to, for the policy check. */
export async function certificateTarget(db: Db, certificateId: string): Promise<RecordTarget & { productId: string }> {
  const [found] = await db
    .select({ productId: certificates.productId })
    .from(certificates)
    .where(eq(certificates.id, certificateId));
  if (!found) throw notFound('giấy chứng nhận');
  return { ...(await productTarget(db, found.productId)), what: 'giấy chứng nhận' };
}

export async function batchTarget(db: Db, batchId: string): Promise<RecordTarget & { productId: string }> {
  const [found] = await db.select({ productId: batches.productId }).from(batches).where(eq(batches.id, batchId));
  if (!found) throw notFound('lô hàng');
  return { ...(await productTarget(db, found.productId)), what: 'lô hàng' };
}

/** An action may cite an inspection only of the same subject: evidence cannot cross producers. */
export async function checkInspection(db: Db, inspectionId: string | undefined, subjectId: string): Promise<void> {
  if (!inspectionId) return;
  const [row] = await db
    .select({ subjectId: inspections.subjectId })
    .from(inspections)
    .where(eq(inspections.id, inspectionId));
  if (!row || row.subjectId !== subjectId) {
    throw invalid('Biên bản kiểm tra không tồn tại hoặc không thuộc chủ thể này.', [
      { path: 'inspectionId', message: 'Chọn một lần kiểm tra của chính chủ thể này.' },
    ]);
  }
}
