import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { products, subjects } from '../../db/schema';
import { notFound } from '../shared/errors';

/** A stored record's place in the policy table: its subject and province, and its name for a 404. */
export type RecordTarget = { subjectId: string; provinceCode: string; what: string };

/** The subject and province a record belongs to: what the policy table checks against. */
export async function subjectTarget(db: Db, subjectId: string): Promise<RecordTarget> {
  const [row] = await db
    .select({ subjectId: subjects.id, provinceCode: subjects.provinceCode })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  if (!row) throw notFound('chủ thể');
  return { ...row, what: 'chủ thể' };
}

export async function productTarget(db: Db, productId: string): Promise<RecordTarget & { productId: string }> {
  const [row] = await db
    .select({ productId: products.id, subjectId: subjects.id, provinceCode: subjects.provinceCode })
    .from(products)
    .innerJoin(subjects, eq(products.subjectId, subjects.id))
    .where(eq(products.id, productId));
  if (!row) throw notFound('sản phẩm');
  return { ...row, what: 'sản phẩm' };
}
