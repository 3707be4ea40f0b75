import { withTransaction, type ServiceContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { voidStamps } from './void-stamps';

export type VoidRequest = { serials?: number[]; firstSerial?: number; lastSerial?: number; reason: string };

/** Voids a list of misprints and/or a span (a sheet), all or nothing, each span audited. */
export async function voidSerials({ ctx, input }: { ctx: ServiceContext; input: VoidRequest }) {
  const spans = (input.serials ?? []).map((s) => ({ first: s, last: s }));
  if (input.firstSerial !== undefined || input.lastSerial !== undefined) {
    if (input.firstSerial === undefined || input.lastSerial === undefined)
      throw invalid('Cần cả số sê-ri đầu và cuối của dải.');
    spans.push({ first: input.firstSerial, last: input.lastSerial });
  }
  if (spans.length === 0) throw invalid('Chọn số sê-ri hoặc dải cần vô hiệu.');
  return withTransaction(ctx, async (tx) => {
    const voided = [];
    for (const span of spans)
      voided.push(
        await voidStamps({ ctx: tx, input: { firstSerial: span.first, lastSerial: span.last, reason: input.reason } }),
      );
    return voided;
  });
}
