import { z } from 'zod';
import { authorize } from '../shared/policy';
import { batchTarget } from '../lifecycle/load-targets';
import { service } from '../shared/service';
import { buildEvents } from './event-build';
import { EVENT_KINDS, eventRows } from './event-sources';
import { epcisContext } from './vocabulary';

/**
 * A batch's story as an EPCIS 2.0 JSON-LD document, "one step back, one step forward": the stamp
 * ranges commissioned for it (with the raw-material areas it came from as lot master data), the
 * retailers that received its stamps, and its recalls and their corrections. Identifiers are GS1
 * Digital Link URIs where the product has a GTIN, and the service's own URLs where it does not;
 * event ids are derived from the records, so exporting again gives the same ids.
 */
export const exportBatchEpcis = service({
  action: 'trace.export',
  input: z.object({ batchId: z.uuid() }),
  run: async ({ ctx, input: { batchId } }) => {
    authorize(ctx.actor, 'trace.export', await batchTarget(ctx.db, batchId));
    const rows = await eventRows(ctx.db, { scope: {}, kinds: EVENT_KINDS, batchIds: [batchId] });
    return {
      '@context': epcisContext(ctx.config.PUBLIC_ORIGIN),
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: ctx.now().toISOString(),
      epcisBody: { eventList: await buildEvents(ctx.db, ctx.config.PUBLIC_ORIGIN, rows) },
    };
  },
});
