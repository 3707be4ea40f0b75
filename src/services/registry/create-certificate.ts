import { certificateEvents, certificates } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { certificateValidUntil } from '../../domain/certificate-dates';
import { recognisingLevel, schemeOn } from '../../domain/recognition';
import { starsFromScore, type Stars } from '../../domain/stars';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { forbidden, invalid } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import { service } from '../shared/service';
import { createCertificateInput } from './inputs';
import { productTarget } from './load-scope';

const LEVEL_VI = { district: 'cấp huyện', province: 'cấp tỉnh', central: 'cấp trung ương' } as const;

/**
 * Records a rating decision. Score, stars and issuing level must agree with the rules of the
 * decision's era (DOMAIN.md); valid-until is computed, never typed in.
 */
export const createCertificate = service({
  action: 'certificate.create',
  input: createCertificateInput,
  run: async ({ ctx, input }) => {
    const target = await productTarget(ctx.db, input.productId);
    authorize(ctx.actor, 'certificate.create', target);

    const stars = starsFromScore(input.score);
    if (stars !== input.stars) {
      throw invalid('Số sao không khớp với điểm.', [
        { path: 'stars', message: `Điểm ${input.score} tương ứng ${stars} sao, không phải ${input.stars} sao.` },
      ]);
    }
    const level = recognisingLevel(input.decisionDate, stars as Stars);
    if (level !== input.issuerLevel) {
      throw invalid('Cấp công nhận không đúng quy định tại thời điểm quyết định.', [
        {
          path: 'issuerLevel',
          message: `Sản phẩm ${stars} sao, quyết định ngày ${input.decisionDate}: phải do ${level ? LEVEL_VI[level] : '—'} công nhận.`,
        },
      ]);
    }
    // A provincial authority records its own province's decisions; 5★ is recognised centrally.
    if (
      ctx.actor.kind !== 'anonymous' &&
      ctx.actor.role === 'authority' &&
      ctx.actor.provinceCode !== null &&
      level === 'central'
    ) {
      throw forbidden('Chỉ cơ quan trung ương được ghi nhận chứng nhận 5 sao.');
    }

    return withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(certificates)
        .values({
          id: crypto.randomUUID(),
          ...input,
          scheme: schemeOn(input.decisionDate),
          issuerProvinceCode: level === 'central' ? null : target.provinceCode,
          validFrom: input.decisionDate,
          validUntil: certificateValidUntil(input.decisionDate),
        })
        .returning(withoutSearchText(certificates));
      await tx.db.insert(certificateEvents).values({
        certificateId: row!.id,
        kind: 'issued',
        effectiveOn: input.decisionDate,
        basis: input.decisionNumber,
        actor: actorLabel(ctx.actor),
      });
      await appendAudit(tx, { action: 'certificate.create', entity: 'certificate', entityId: row!.id, after: row });
      return row!;
    });
  },
});
