import { and, asc, eq } from 'drizzle-orm';
import { apiTokens, intakeItems, intakeReceipts, intakes, people } from '../../db/schema';
import { countByStatus } from '../../domain/verdict';
import { appendAudit } from '../audit/append-audit';
import { loadCopySignals, suspicion } from '../copy-detection/copy-history';
import { recordIntakeReads } from '../scans/record-reads';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, invalid, type FieldIssue } from '../shared/errors';
import type { Actor } from '../shared/policy';
import { signJws } from '../shared/sign-jws';
import { codeAsRecorded, verifyStamps } from '../verification/verify-stamps';
import type { Verdict } from '../verification/verdict-types';
import type { RecordIntakeInput } from './inputs';
import { retailerOf } from './retailer';
import { RECEIPT_TYP, type ReceiptPayload } from './receipt';

/** Offline phones keep their reads for a while; older than this, or ahead of us, is a wrong clock. */
const MAX_OFFLINE_AGE_MS = 30 * 86_400_000;
const MAX_CLOCK_AHEAD_MS = 10 * 60_000;

export type IntakeRecord = typeof intakes.$inferSelect;

export type RecordedIntake = { intake: IntakeRecord; receipt: string; verdicts: Verdict[]; replayed: boolean };

/**
 * Records a retailer's receiving event and signs its receipt. Every code gets the service's
 * verdict at recording time (an offline verdict the phone showed is kept beside it), and the
 * copy-detection signals counting this intake: the second shop to receive a copied stamp is told
 * so on the spot. The client's session id makes it idempotent: a sync that retries after a lost
 * answer gets the first receipt back, and the same id with other codes is refused, not merged.
 */
export async function recordIntake(ctx: ServiceContext, input: RecordIntakeInput): Promise<RecordedIntake> {
  const retailer = retailerOf(ctx.actor, 'intake.record');
  const earlier = await findSession(ctx, retailer.id, input.sessionId);
  if (earlier) return replay(ctx, earlier, input);

  const now = ctx.now();
  const { startedAt, scannedAt, offlineAsOf } = readTimes(input, now);
  const verdicts = await verifyStamps(
    ctx,
    input.items.map((i) => i.code),
  );
  const summary = countByStatus(verdicts.map((v) => v.status));
  const id = crypto.randomUUID();
  const name = await retailerName(ctx, ctx.actor);
  const items = verdicts.map((v, position) => ({
    intakeId: id,
    position,
    code: v.code,
    serial: v.status === 'forged' ? null : v.serial,
    batchId: v.batchId ?? null,
    status: v.status,
    scannedAt: scannedAt[position]!,
    offlineStatus: input.items[position]!.offlineStatus ?? null,
    offlineAsOf: offlineAsOf[position]!,
  }));

  return withTransaction(ctx, async (tx) => {
    const [intake] = await tx.db
      .insert(intakes)
      .values({
        id,
        retailerId: retailer.id,
        retailerName: name,
        organisationId: retailer.organisationId,
        provinceCode: retailer.provinceCode,
        pointOfSale: input.pointOfSale,
        sessionId: input.sessionId,
        startedAt,
        finishedAt: now,
        recordedAt: now,
        itemCount: items.length,
        summary,
      })
      .onConflictDoNothing()
      .returning();
    // Two uploads of one session raced: the other committed first, so answer as a replay of it.
    if (!intake) return replay(tx, (await findSession(tx, retailer.id, input.sessionId))!, input);
    for (let i = 0; i < items.length; i += 250) await tx.db.insert(intakeItems).values(items.slice(i, i + 250));
    await recordIntakeReads(
      tx,
      items.flatMap((item) =>
        item.serial === null
          ? []
          : [
              {
                serial: item.serial,
                retailerId: retailer.countedAs,
                provinceCode: retailer.provinceCode,
                scannedAt: item.scannedAt,
              },
            ],
      ),
    );

    const signals = await loadCopySignals(
      tx.db,
      verdicts.flatMap((v) => (v.scans && v.serial !== null ? [v.serial] : [])),
      ctx.config,
    );
    const checked = verdicts.map((v) =>
      v.scans && signals.has(v.serial!) ? { ...v, scans: { ...v.scans, ...suspicion(signals.get(v.serial!)!) } } : v,
    );
    const payload: ReceiptPayload = {
      iss: ctx.config.PUBLIC_ORIGIN,
      jti: id,
      iat: Math.floor(now.getTime() / 1000),
      retailer: { id: retailer.id, name, provinceCode: retailer.provinceCode, pointOfSale: input.pointOfSale },
      session: { id: input.sessionId, startedAt: startedAt.toISOString(), finishedAt: now.toISOString() },
      summary,
      items: items.map((item, i) => ({
        code: item.code,
        serial: item.serial,
        status: item.status,
        suspicious: checked[i]!.scans?.suspicious ?? false,
        scannedAt: item.scannedAt.toISOString(),
        ...(item.offlineStatus
          ? { offline: { status: item.offlineStatus, asOf: item.offlineAsOf?.toISOString() ?? null } }
          : {}),
      })),
    };
    const { jws, kid } = await signJws(tx, RECEIPT_TYP, payload);
    await tx.db.insert(intakeReceipts).values({ intakeId: id, kid, jws });
    await appendAudit(tx, {
      action: 'intake.record',
      entity: 'intake',
      entityId: id,
      after: {
        sessionId: input.sessionId,
        pointOfSale: input.pointOfSale,
        provinceCode: retailer.provinceCode,
        itemCount: items.length,
        summary,
        receiptKid: kid,
      },
    });
    return { intake, receipt: jws, verdicts: checked, replayed: false };
  });
}

async function retailerName(ctx: ServiceContext, actor: Actor): Promise<string> {
  if (actor.kind === 'session') {
    const [row] = await ctx.db.select({ name: people.name }).from(people).where(eq(people.id, actor.id));
    if (row) return row.name;
  }
  if (actor.kind === 'token') {
    const [row] = await ctx.db.select({ name: apiTokens.name }).from(apiTokens).where(eq(apiTokens.id, actor.id));
    if (row) return row.name;
  }
  return actor.kind === 'anonymous' ? '' : actor.id;
}

/**
 * When the session started and each code was read, on the service's clock. A phone's clock may
 * be off by hours; given the phone's time at sending (`sentAt`), every time is shifted by the same
 * difference. What still lies in the future, or too far back, is refused with its field named.
 */
function readTimes(
  input: RecordIntakeInput,
  now: Date,
): { startedAt: Date; scannedAt: Date[]; offlineAsOf: (Date | null)[] } {
  const skew = input.sentAt ? now.getTime() - Date.parse(input.sentAt) : 0;
  const issues: FieldIssue[] = [];
  const onServiceClock = (iso: string | undefined, path: string): Date => {
    const at = iso === undefined ? now.getTime() : Date.parse(iso) + skew;
    if (!Number.isFinite(at)) issues.push({ path, message: 'Thời điểm không hợp lệ.' });
    else if (at > now.getTime() + MAX_CLOCK_AHEAD_MS)
      issues.push({ path, message: 'Thời điểm quét ở tương lai: hãy kiểm tra đồng hồ của máy.' });
    else if (at < now.getTime() - MAX_OFFLINE_AGE_MS)
      issues.push({ path, message: 'Lượt quét cũ hơn 30 ngày, không ghi nhận được.' });
    return new Date(at);
  };
  const scannedAt = input.items.map((item, i) => onServiceClock(item.scannedAt, `items.${i}.scannedAt`));
  const startedAt = input.startedAt
    ? onServiceClock(input.startedAt, 'startedAt')
    : new Date(Math.min(...scannedAt.map((d) => d.getTime())));
  // The status list's issue time came from the service itself: no skew, and never from the future.
  const offlineAsOf = input.items.map((item, i) => {
    if (!item.offlineAsOf) return null;
    const at = Date.parse(item.offlineAsOf);
    const plausible =
      Number.isFinite(at) && at <= now.getTime() + MAX_CLOCK_AHEAD_MS && at >= now.getTime() - 2 * MAX_OFFLINE_AGE_MS;
    if (!plausible)
      issues.push({ path: `items.${i}.offlineAsOf`, message: 'Thời điểm của danh sách trạng thái không hợp lệ.' });
    return new Date(at);
  });
  if (issues.length > 0) throw invalid('Một số thời điểm không hợp lệ.', issues.slice(0, 20));
  return { startedAt, scannedAt, offlineAsOf };
}

async function findSession(
  ctx: ServiceContext,
  retailerId: string,
  sessionId: string,
): Promise<IntakeRecord | undefined> {
  const [row] = await ctx.db
    .select()
    .from(intakes)
    .where(and(eq(intakes.retailerId, retailerId), eq(intakes.sessionId, sessionId)));
  return row;
}

/** The same session again: the first receipt if the codes match, else a clear refusal. */
async function replay(ctx: ServiceContext, intake: IntakeRecord, input: RecordIntakeInput): Promise<RecordedIntake> {
  const recorded = await ctx.db
    .select({ code: intakeItems.code })
    .from(intakeItems)
    .where(eq(intakeItems.intakeId, intake.id))
    .orderBy(asc(intakeItems.position));
  const sent = input.items.map((i) => codeAsRecorded(i.code));
  if (recorded.length !== sent.length || recorded.some((r, i) => r.code !== sent[i])) {
    throw conflict('Phiên nhận hàng này đã được ghi với danh sách mã khác. Hãy bắt đầu một phiên mới.');
  }
  const [receipt] = await ctx.db
    .select({ jws: intakeReceipts.jws })
    .from(intakeReceipts)
    .where(eq(intakeReceipts.intakeId, intake.id));
  return {
    intake,
    receipt: receipt!.jws,
    verdicts: await verifyStamps(
      ctx,
      input.items.map((i) => i.code),
    ),
    replayed: true,
  };
}
