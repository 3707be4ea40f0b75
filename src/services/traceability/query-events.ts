import { z } from 'zod';
import { base64url } from 'jose';
import { invalid } from '../shared/errors';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';
import { buildEvents } from './event-build';
import { EVENT_KINDS, type EventKind, eventRows, type Position, positionOf } from './event-sources';
import { resolveLots, resolveStamps } from './resolve-names';
import { epcisContext } from './vocabulary';

/** EPCIS 2.0 leaves the ceiling to the implementation; this one is stated in the README. */
export const MAX_PER_PAGE = 500;
const uris = z.array(z.string().min(1).max(400)).min(1).max(20);

export const queryEventsInput = z.object({
  anyEpc: uris.optional(),
  epcClass: uris.optional(),
  eventType: z.array(z.string().min(1).max(200)).min(1).max(10).optional(),
  geEventTime: z.iso.datetime({ offset: true }).optional(),
  ltEventTime: z.iso.datetime({ offset: true }).optional(),
  perPage: z.number().int().min(1).max(MAX_PER_PAGE).default(30),
  nextPageToken: z.string().min(1).max(200).optional(),
});

const positionSchema = z.tuple([
  z.number().int(),
  z
    .number()
    .int()
    .min(0)
    .max(EVENT_KINDS.length - 1),
  z.string().min(1).max(100),
]);

export function pageToken(p: Position): string {
  return base64url.encode(JSON.stringify([p.at, p.kind, p.key]));
}

function readPageToken(token: string): Position {
  try {
    const [at, kind, key] = positionSchema.parse(JSON.parse(new TextDecoder().decode(base64url.decode(token))));
    return { at, kind, key };
  } catch {
    throw invalid('Mã trang tiếp theo không hợp lệ.', [
      { path: 'nextPageToken', message: 'Dùng đúng mã trong liên kết rel="next" của trang trước.' },
    ]);
  }
}

/**
 * EPCIS 2.0's SimpleEventQuery, the subset this service's events need: the events of a stamp
 * (MATCH_anyEPC: the commissioning whose range holds it, the intakes that received it), of a lot
 * (MATCH_epcClass: its commissioning and recalls, the events that carry the lot as a class),
 * of a type and a time window, in pages. Only batches in the caller's reach for 'trace.export'
 * are read: an event outside it is not forbidden, it is simply not there.
 */
export const queryEpcisEvents = service({
  action: 'trace.export',
  input: queryEventsInput,
  run: async ({ ctx, input }) => {
    const scope = listScope(ctx.actor, 'trace.export');
    const after = input.nextPageToken ? readPageToken(input.nextPageToken) : undefined;
    let kinds: EventKind[] = input.eventType && !input.eventType.includes('ObjectEvent') ? [] : [...EVENT_KINDS];
    if (input.anyEpc) kinds = kinds.filter((k) => k !== 'recall');
    if (input.epcClass) kinds = kinds.filter((k) => k !== 'receiving');
    const stamps = input.anyEpc && kinds.length ? await resolveStamps(ctx, input.anyEpc) : undefined;
    const batchIds = input.epcClass && kinds.length ? await resolveLots(ctx, input.epcClass) : undefined;
    if (stamps?.length === 0 || batchIds?.length === 0) kinds = [];

    const rows = kinds.length
      ? await eventRows(ctx.db, {
          scope,
          kinds,
          stamps,
          batchIds,
          after,
          limit: input.perPage + 1,
          from: input.geEventTime ? new Date(input.geEventTime) : undefined,
          before: input.ltEventTime ? new Date(input.ltEventTime) : undefined,
        })
      : [];
    const page = rows.slice(0, input.perPage);
    const more = rows.length > input.perPage;
    return {
      document: {
        '@context': epcisContext(ctx.config.PUBLIC_ORIGIN),
        type: 'EPCISQueryDocument',
        schemaVersion: '2.0',
        creationDate: ctx.now().toISOString(),
        epcisBody: {
          queryResults: {
            queryName: 'SimpleEventQuery',
            resultsBody: { eventList: await buildEvents(ctx.db, ctx.config.PUBLIC_ORIGIN, page) },
          },
        },
      },
      nextPageToken: more ? pageToken(positionOf(page.at(-1)!)) : null,
    };
  },
});
