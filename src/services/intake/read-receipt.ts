import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { intakeReceipts, intakes } from '../../db/schema';
import { uuid } from '../registry/inputs';
import type { ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { parseInput, service } from '../shared/service';
import { checkReceiptJws, type CheckedReceipt } from './receipt-signature';

const receiptId = z.object({ id: uuid });

async function storedJws(ctx: ServiceContext, id: string, retailerId?: string): Promise<string> {
  const [row] = await ctx.db
    .select({ jws: intakeReceipts.jws })
    .from(intakeReceipts)
    .innerJoin(intakes, eq(intakes.id, intakeReceipts.intakeId))
    .where(retailerId === undefined ? eq(intakes.id, id) : and(eq(intakes.id, id), eq(intakes.retailerId, retailerId)));
  if (!row) throw notFound('biên nhận');
  return row.jws;
}

/** The retailer's own receipt, checked and read, for its printable page and PDF. Someone else's is not found. */
export const readReceipt = service({
  action: 'intake.read',
  input: receiptId,
  run: async ({ ctx, input }): Promise<CheckedReceipt> => {
    const retailerId = ctx.actor.kind === 'anonymous' ? '' : ctx.actor.id;
    return checkReceiptJws(ctx, input.id, await storedJws(ctx, input.id, retailerId));
  },
});

/** What the public check shows: the receipt without the account that holds it (a person's name, often). */
export type PublicReceipt = Omit<CheckedReceipt, 'retailerName' | 'sessionId'>;

/**
 * The public check behind a receipt's printed QR: anyone holding the paper (an inspector at the
 * shop, a wholesaler) learns whether the service signed it and what it says. Open by design, as
 * stamp verification is: the id is a random UUID known only from the receipt itself, and the page
 * names the point of sale, never the person or token that recorded it.
 */
export async function checkReceipt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<PublicReceipt> {
  const { id } = parseInput(receiptId, input);
  const {
    retailerName: _name,
    sessionId: _session,
    ...shown
  } = await checkReceiptJws(ctx, id, await storedJws(ctx, id));
  return shown;
}
