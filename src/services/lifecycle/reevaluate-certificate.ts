import { eq } from 'drizzle-orm';
import { certificateEvents, certificates } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { reevaluationRefusal } from '../../domain/certificate-lifecycle';
import { appendAudit } from '../audit/append-audit';
import { createCertificate } from '../registry/create-certificate';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, invalid } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import type { ReevaluateInput } from './inputs';
import { certificateTarget } from './load-targets';

/**
 * A re-evaluation is a new rating decision for the same product: a new certificate (stars may
 * rise or fall, checked against the era's rules like any issue) that supersedes the old one.
 * Batches keep the certificate they were made under; new batches take the newest decision.
 */
export async function reevaluateCertificate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReevaluateInput & { certificateId: string };
}) {
  const target = await certificateTarget(ctx.db, input.certificateId);
  authorize(ctx.actor, 'certificate.reevaluate', target);
  const { certificateId, ...decision } = input;

  return withTransaction(ctx, async (tx) => {
    const [old] = await tx.db
      .select(withoutSearchText(certificates))
      .from(certificates)
      .where(eq(certificates.id, certificateId))
      .for('update');
    const [successor] = await tx.db
      .select({ id: certificates.id })
      .from(certificates)
      .where(eq(certificates.supersedesId, certificateId));
    const refusal = reevaluationRefusal(old!.status, successor?.id ?? null);
    if (refusal) throw conflict(refusal);
    if (decision.decisionDate <= old!.decisionDate) {
      throw invalid('Quyết định đánh giá lại phải sau quyết định cũ.', [
        { path: 'decisionDate', message: `Phải sau ngày ${old!.decisionDate}.` },
      ]);
    }
    const created = await createCertificate({ ctx: tx, input: { ...decision, productId: target.productId } });
    const [linked] = await tx.db
      .update(certificates)
      .set({ supersedesId: certificateId })
      .where(eq(certificates.id, created.id))
      .returning(withoutSearchText(certificates));
    await tx.db.insert(certificateEvents).values({
      certificateId,
      kind: 'superseded',
      effectiveOn: decision.decisionDate,
      basis: decision.decisionNumber,
      decidedBy: decision.issuerName,
      reason: `Đánh giá lại: ${old!.stars} → ${decision.stars} sao`,
      relatedCertificateId: created.id,
      actor: actorLabel(ctx.actor),
    });
    await appendAudit(tx, {
      action: 'certificate.reevaluate',
      entity: 'certificate',
      entityId: certificateId,
      before: old,
      after: linked,
    });
    return linked!;
  });
}
