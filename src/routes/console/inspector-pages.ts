import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { recordInspectionInput } from '../../services/inspections/inputs';
import { listInspections } from '../../services/inspections/list-inspections';
import { productDossier } from '../../services/inspections/product-dossier';
import { recordInspection } from '../../services/inspections/record-inspection';
import { searchProducts } from '../../services/inspections/search';
import { changeCertificateStatus } from '../../services/lifecycle/change-certificate-status';
import { correctCertificateEvent, correctRecall } from '../../services/lifecycle/correct-events';
import { flagArea } from '../../services/lifecycle/flag-area';
import {
  correctionInput,
  flagAreaInput,
  recallInput,
  revokeInput,
  suspendInput,
  type CorrectionInput,
} from '../../services/lifecycle/inputs';
import type { ServiceContext } from '../../services/shared/context';
import { batchTarget, certificateTarget } from '../../services/lifecycle/load-targets';
import { recallBatch } from '../../services/lifecycle/recall-batch';
import { invalid } from '../../services/shared/errors';
import { serviceContext } from '../context';
import { dossierView, type DossierProblem } from '../../../web/console/inspector-view';
import { inspectSearchView } from '../../../web/console/search-view';
import { searchPageInput } from '../shared/query-text';
import { formFailure, may, parseWith, postedForm, render, requirePerson, type PageStatus } from './shared';

/** Inspectors (and authorities): find a product, read its dossier, record inspections, act. */
export const inspectorPages = new Hono<AppEnv>();
inspectorPages.use('/console/inspect', requirePerson);
inspectorPages.use('/console/inspect/*', requirePerson);

inspectorPages.get('/console/inspect', async (c) => {
  const ctx = serviceContext(c);
  const search = searchPageInput(c);
  const [hits, recent] = await Promise.all([
    search.q && !search.problem ? searchProducts({ ctx, input: { q: search.q } }) : null,
    listInspections({ ctx, input: { limit: 20 } }),
  ]);
  return render(c, 'Hậu kiểm', inspectSearchView({ ...search, hits, recent }), search.problem ? 400 : 200);
});

async function dossierPage(c: Context<AppEnv>, productId: string, problem?: DossierProblem & { status: PageStatus }) {
  const dossier = await productDossier({ ctx: serviceContext(c), input: { productId } });
  return render(
    c,
    `${dossier.product.name} – ${dossier.subject.name}`,
    dossierView(dossier, c.var.session!.csrfToken, may(c), Boolean(c.req.query('done')), problem),
    problem?.status,
  );
}

inspectorPages.get('/console/inspect/products/:id', (c) => dossierPage(c, c.req.param('id')));

/** "a; b; c" lines from a textarea, as arrays of trimmed parts. */
const lines = (value: unknown) =>
  String(value ?? '')
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((p) => p[0]);

inspectorPages.post('/console/inspect/products/:id/inspections', async (c) => {
  const form = await postedForm(c);
  const [scope, id] = String(form.target ?? '').split(':');
  try {
    const input = parseWith(recordInspectionInput, {
      scope,
      [`${scope}Id`]: id,
      inspectedOn: form.inspectedOn,
      agency: form.agency,
      findings: form.findings,
      result: form.result,
      samples: lines(form.samples).map(([code, description, result]) => ({
        code,
        description: description || code,
        ...(result ? { result } : {}),
      })),
      attachments: lines(form.attachments).map(([name, ref]) => ({
        name,
        ...(/^[0-9a-f]{64}$/.test(ref ?? '') ? { sha256: ref } : { url: ref }),
      })),
    });
    await recordInspection({ ctx: serviceContext(c), input });
    return c.redirect(`/console/inspect/products/${c.req.param('id')}?done=inspection#inspections`, 303);
  } catch (error) {
    return dossierPage(c, c.req.param('id'), formFailure(error));
  }
});

const decisionOf = (form: Record<string, unknown>) => ({
  effectiveOn: form.effectiveOn,
  reason: form.reason,
  basis: form.basis,
  decidedBy: form.decidedBy,
  ...(form.inspectionId ? { inspectionId: form.inspectionId } : {}),
});

inspectorPages.post('/console/inspect/certificates/:id/status', async (c) => {
  const form = await postedForm(c);
  const ctx = serviceContext(c);
  const action = String(form.action);
  try {
    if (!['suspend', 'reinstate', 'revoke'].includes(action))
      throw invalid('Chọn thao tác: đình chỉ, khôi phục hoặc thu hồi.');
    const decision =
      action === 'revoke'
        ? parseWith(revokeInput, { ...decisionOf(form), grounds: form.grounds })
        : parseWith(suspendInput, decisionOf(form));
    const { certificate } = await changeCertificateStatus({
      ctx,
      input: { ...decision, certificateId: c.req.param('id'), action } as never,
    });
    return c.redirect(`/console/inspect/products/${certificate.productId}?done=status#certs`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return dossierPage(c, (await certificateTarget(ctx.db, c.req.param('id'))).productId, failure);
  }
});

inspectorPages.post('/console/inspect/batches/:id/recall', async (c) => {
  const form = await postedForm(c);
  try {
    const { batch } = await recallBatch({
      ctx: serviceContext(c),
      input: { ...parseWith(recallInput, decisionOf(form)), batchId: c.req.param('id') },
    });
    return c.redirect(`/console/inspect/products/${batch.productId}?done=recall#batches`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return dossierPage(c, (await batchTarget(serviceContext(c).db, c.req.param('id'))).productId, failure);
  }
});

/** Corrections of a certificate decision or of a recall: the same form, two services. */
const CORRECTIONS = {
  certificates: {
    anchor: 'certs',
    productOf: certificateTarget,
    correct: async (ctx: ServiceContext, id: string, input: CorrectionInput) =>
      (await correctCertificateEvent({ ctx, input: { ...input, certificateId: id } })).certificate.productId,
  },
  batches: {
    anchor: 'batches',
    productOf: batchTarget,
    correct: async (ctx: ServiceContext, id: string, input: CorrectionInput) =>
      (await correctRecall({ ctx, input: { ...input, batchId: id } })).batch.productId,
  },
};

for (const [kind, spec] of Object.entries(CORRECTIONS)) {
  inspectorPages.post(`/console/inspect/${kind}/:id/corrections`, async (c) => {
    const form = await postedForm(c);
    const ctx = serviceContext(c);
    try {
      const productId = await spec.correct(
        ctx,
        c.req.param('id'),
        parseWith(correctionInput, { ...decisionOf(form), eventId: Number(form.eventId) }),
      );
      return c.redirect(`/console/inspect/products/${productId}?done=correction#${spec.anchor}`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return dossierPage(c, (await spec.productOf(ctx.db, c.req.param('id'))).productId, failure);
    }
  });
}

inspectorPages.post('/console/inspect/areas/:id/flags', async (c) => {
  const form = await postedForm(c);
  const productId = String(form.productId ?? '');
  try {
    await flagArea({
      ctx: serviceContext(c),
      input: {
        ...parseWith(flagAreaInput, { standard: form.standard, flaggedOn: form.flaggedOn, reason: form.reason }),
        areaId: c.req.param('id'),
      },
    });
    return c.redirect(`/console/inspect/products/${encodeURIComponent(productId)}?done=flag#areas`, 303);
  } catch (error) {
    return dossierPage(c, productId, formFailure(error));
  }
});
