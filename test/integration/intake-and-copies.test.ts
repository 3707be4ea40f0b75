import { count, eq } from 'drizzle-orm';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { base64url, compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, intakes } from '../../src/db/schema';
import { listSuspicious } from '../../src/services/copy-detection/list-suspicious';
import { rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import { RECEIPT_TYP, type ReceiptPayload } from '../../src/services/intake/receipt';
import type { ScanEvent } from '../../src/services/scans/scan-sink';
import type { Actor } from '../../src/services/shared/policy';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { epcisJsonSchema } from '../support/epcis-schema';
import { ADMIN, bearer, DATABASE_KINDS, json, openHarness, TEST_NOW, type Harness } from '../support/harness';

type IntakeAnswer = {
  id: string;
  replayed: boolean;
  receipt: string;
  receiptUrl: string;
  summary: Record<string, number>;
  verdicts: Verdict[];
};
const inspector = (provinceCode: string): Actor => ({
  kind: 'system',
  id: `inspector-${provinceCode}`,
  role: 'inspector',
  provinceCode,
  subjectId: null,
});

describe.each(DATABASE_KINDS)('retail intake, receipts and copy detection on %s', (kind) => {
  let h: Harness;
  let jwks: JSONWebKeySet;
  let langSon: string;
  let saigon: string;
  let genuine: string[];
  const audits = async () => Number((await h.db.select({ n: count() }).from(auditLog))[0]!.n);
  const record = (token: string | undefined, body: unknown) => h.request('/api/v1/intakes', json(body, token));
  /** Scans stored as the service stores them: through its sink and writer, which keep the summaries. */
  const storeScans = async (rows: ScanEvent[]) => {
    for (const row of rows) h.scanSink.record(row);
    await h.scanSink.flush();
  };

  beforeAll(async () => {
    h = await openHarness(kind);
    jwks = (await (await h.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
    langSon = await h.token('retailer', { provinceCode: '20' });
    saigon = await h.token('retailer', { provinceCode: '79' });
    // Fresh genuine stamps of the valid demo batch, beyond its first (which other tests scan).
    const first = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const signer = await h.keys.activeSigner(h.db);
    const candidates = await Promise.all(
      Array.from({ length: 12 }, (_, k) => signer.signStamp(first.serial! + 30 + k)),
    );
    const verdicts = (
      (await (await h.request('/api/v1/verify', json({ codes: candidates }))).json()) as { verdicts: Verdict[] }
    ).verdicts;
    genuine = candidates.filter((_, i) => verdicts[i]!.status === 'valid');
    expect(genuine.length).toBeGreaterThanOrEqual(8);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records a session with a verdict per code and a receipt that verifies with the JWKS alone', async () => {
    const before = await audits();
    const items = [
      { code: genuine[0]!, scannedAt: '2026-11-23T09:10:00+07:00' },
      { code: `https://ocop.example.vn/S/${h.codes.revoked}` },
      { code: h.codes.forged, offlineStatus: 'forged', offlineAsOf: '2026-11-23T08:00:00+07:00' },
      { code: 'not a stamp' },
    ];
    const res = await record(langSon, { sessionId: 'session-0001', pointOfSale: 'OCOP Mart Lạng Sơn, kho sau', items });
    expect(res.status).toBe(201);
    const body = (await res.json()) as IntakeAnswer;
    expect(body.verdicts.map((v) => v.status)).toEqual(['valid', 'revoked', 'forged', 'forged']);
    expect(body.summary).toEqual({ valid: 1, revoked: 1, forged: 2 });
    expect(await audits()).toBe(before + 1);

    expect(decodeProtectedHeader(body.receipt)).toMatchObject({ alg: 'EdDSA', typ: RECEIPT_TYP });
    const { payload } = await compactVerify(body.receipt, createLocalJWKSet(jwks));
    const receipt = JSON.parse(new TextDecoder().decode(payload)) as ReceiptPayload;
    expect(receipt).toMatchObject({
      iss: 'https://ocop.example.vn',
      jti: body.id,
      retailer: { provinceCode: '20', pointOfSale: 'OCOP Mart Lạng Sơn, kho sau', name: 'test retailer' },
      session: { id: 'session-0001', startedAt: '2026-11-23T02:10:00.000Z', finishedAt: TEST_NOW.toISOString() },
    });
    expect(receipt.items.map((i) => [i.status, i.scannedAt])).toEqual([
      ['valid', '2026-11-23T02:10:00.000Z'],
      ['revoked', TEST_NOW.toISOString()],
      ['forged', TEST_NOW.toISOString()],
      ['forged', TEST_NOW.toISOString()],
    ]);
    expect(receipt.items[2]!.offline).toEqual({ status: 'forged', asOf: '2026-11-23T01:00:00.000Z' });

    const download = await h.request(body.receiptUrl.replace('https://ocop.example.vn', ''), bearer(langSon));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/jose');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(await download.text()).toBe(body.receipt);
    expect((await h.request(`/api/v1/intakes/${body.id}/receipt`, bearer(saigon))).status).toBe(404);
    const listed = (await (await h.request('/api/v1/intakes', bearer(langSon))).json()) as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toContain(body.id);
    expect(((await (await h.request('/api/v1/intakes', bearer(saigon))).json()) as { items: unknown[] }).items).toEqual(
      [],
    );
  });

  it('a receipt fails verification when any byte of its header, payload or signature changes', async () => {
    const body = (await (
      await record(langSon, { sessionId: 'session-bytes', pointOfSale: 'Quầy 2', items: [{ code: genuine[1]! }] })
    ).json()) as IntakeAnswer;
    const keys = createLocalJWKSet(jwks);
    const parts = body.receipt.split('.').map((p) => base64url.decode(p));
    let checked = 0;
    for (let part = 0; part < 3; part++) {
      for (let i = 0; i < parts[part]!.length; i++) {
        const changed = parts.map((p) => p.slice());
        changed[part]![i]! ^= 0x01;
        const jws = changed.map((p) => base64url.encode(p)).join('.');
        await expect(compactVerify(jws, keys), `part ${part}, byte ${i}`).rejects.toThrow();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    await expect(compactVerify(body.receipt, keys)).resolves.toBeTruthy();
  });

  it('is idempotent on the session id: a retry gets the first receipt, other codes under it are refused', async () => {
    const session = {
      sessionId: 'session-retry',
      pointOfSale: 'Quầy 1',
      items: [{ code: genuine[2]! }, { code: genuine[3]! }],
    };
    const first = (await (await record(langSon, session)).json()) as IntakeAnswer;
    const before = await audits();
    const again = await record(langSon, session);
    expect(again.status).toBe(200);
    const replay = (await again.json()) as IntakeAnswer;
    expect(replay).toMatchObject({ id: first.id, replayed: true, receipt: first.receipt });
    const other = await record(langSon, { ...session, items: [{ code: genuine[2]! }] });
    expect(other.status).toBe(409);
    expect(await audits()).toBe(before);
  });

  it('puts a phone whose clock is hours off back on the service’s clock', async () => {
    const ahead = (iso: string) => new Date(Date.parse(iso) + 3 * 3_600_000).toISOString();
    const res = await record(langSon, {
      sessionId: 'session-skewed',
      pointOfSale: 'Quầy 3',
      sentAt: ahead(TEST_NOW.toISOString()),
      startedAt: ahead('2026-11-23T09:00:00+07:00'),
      items: [{ code: genuine[3]!, scannedAt: ahead('2026-11-23T09:20:00+07:00') }],
    });
    expect(res.status).toBe(201);
    const { payload } = await compactVerify(((await res.json()) as IntakeAnswer).receipt, createLocalJWKSet(jwks));
    const receipt = JSON.parse(new TextDecoder().decode(payload)) as ReceiptPayload;
    expect(receipt.session.startedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(receipt.items[0]!.scannedAt).toBe('2026-11-23T02:20:00.000Z');
  });

  it('refuses bad input and the wrong callers with clear errors, writing nothing', async () => {
    const inspectorToken = await h.token('inspector', { provinceCode: '20' });
    const before = await audits();
    const cases: [string | undefined, unknown, number][] = [
      [langSon, { sessionId: 'x', pointOfSale: 'Quầy', items: [{ code: genuine[4]! }] }, 400],
      [langSon, { sessionId: 'session-empty', pointOfSale: 'Quầy', items: [] }, 400],
      [langSon, { sessionId: 'session-blank', pointOfSale: '   ', items: [{ code: genuine[4]! }] }, 400],
      [
        langSon,
        {
          sessionId: 'session-future',
          pointOfSale: 'Quầy',
          items: [{ code: genuine[4]!, scannedAt: '2026-11-24T10:00:00+07:00' }],
        },
        400,
      ],
      [
        langSon,
        {
          sessionId: 'session-year-zero',
          pointOfSale: 'Quầy',
          items: [{ code: genuine[4]!, offlineStatus: 'valid', offlineAsOf: '0000-01-01T00:00:00Z' }],
        },
        400,
      ],
      [
        langSon,
        {
          sessionId: 'session-old-start',
          pointOfSale: 'Quầy',
          startedAt: '2020-01-01T00:00:00Z',
          items: [{ code: genuine[4]! }],
        },
        400,
      ],
      [
        langSon,
        {
          sessionId: 'session-too-many',
          pointOfSale: 'Quầy',
          items: Array.from({ length: 1001 }, () => ({ code: genuine[4]! })),
        },
        400,
      ],
      [inspectorToken, { sessionId: 'session-inspector', pointOfSale: 'Quầy', items: [{ code: genuine[4]! }] }, 403],
      [undefined, { sessionId: 'session-anon', pointOfSale: 'Quầy', items: [{ code: genuine[4]! }] }, 401],
    ];
    for (const [token, body, status] of cases) {
      const res = await record(token, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      const error = ((await res.json()) as { error: { message: string } }).error;
      expect(error.message.length).toBeGreaterThan(5);
    }
    const future = await record(langSon, cases[3]![1]);
    expect(((await future.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe(
      'items.0.scannedAt',
    );
    expect(await audits()).toBe(before);
  });

  it('bulk verifies 1,000 codes with per-code errors, and records the intake when a retailer asks', async () => {
    const codes = Array.from({ length: 1000 }, (_, i) =>
      i === 500 ? '%%%' : i % 2 ? h.codes.valid : h.codes.recalled,
    );
    const res = await h.request('/api/v1/verify', json({ codes }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      count: number;
      verdicts: Verdict[];
      errors: { index: number }[];
      summary: Record<string, number>;
    };
    expect(body.count).toBe(1000);
    expect(body.errors.map((e) => e.index)).toEqual([500]);
    expect(body.summary).toEqual({ valid: 500, recalled: 499, forged: 1 });

    const withRecord = await h.request(
      '/api/v1/verify',
      json(
        { codes: [genuine[5]!, h.codes.suspended], record: { sessionId: 'bulk-0001', pointOfSale: 'API nhập kho' } },
        langSon,
      ),
    );
    const recorded = (await withRecord.json()) as { verdicts: Verdict[]; intake: IntakeAnswer };
    expect(recorded.verdicts.map((v) => v.status)).toEqual(['valid', 'suspended']);
    expect(recorded.intake).toMatchObject({ itemCount: 2, replayed: false });
    await expect(compactVerify(recorded.intake.receipt, createLocalJWKSet(jwks))).resolves.toBeTruthy();
    expect(
      (
        await h.request(
          '/api/v1/verify',
          json({ codes: [genuine[5]!], record: { sessionId: 'bulk-anon', pointOfSale: 'x' } }),
        )
      ).status,
    ).toBe(401);
  });

  it('flags a stamp received by two retailers far apart, on the verdict, the page and the inspectors’ list', async () => {
    const copied = genuine[6]!;
    expect(
      (
        await record(langSon, {
          sessionId: 'copy-lang-son',
          pointOfSale: 'Cửa hàng Lạng Sơn',
          items: [{ code: copied, scannedAt: '2026-11-23T07:00:00+07:00' }],
        })
      ).status,
    ).toBe(201);
    const clean = (await (await h.request(`/api/v1/verify/${copied}`)).json()) as Verdict;
    expect(clean.scans).toMatchObject({ suspicious: false, signals: [] });

    const second = await record(saigon, {
      sessionId: 'copy-saigon',
      pointOfSale: 'Siêu thị Quận 1',
      items: [{ code: copied, scannedAt: '2026-11-23T09:30:00+07:00' }],
    });
    expect(second.status).toBe(201);
    // The second shop is told at once, and its receipt says so: the signals count this very intake.
    const secondBody = (await second.json()) as IntakeAnswer;
    expect(secondBody.verdicts[0]!.scans!.signals.map((s) => s.rule)).toEqual(['many_retailers', 'far_apart']);
    const { payload: secondReceipt } = await compactVerify(secondBody.receipt, createLocalJWKSet(jwks));
    expect((JSON.parse(new TextDecoder().decode(secondReceipt)) as ReceiptPayload).items[0]!.suspicious).toBe(true);
    const flagged = (await (await h.request(`/api/v1/verify/${copied}`)).json()) as Verdict;
    expect(flagged.status).toBe('valid');
    expect(flagged.scans!.suspicious).toBe(true);
    expect(flagged.scans!.signals.map((s) => s.rule)).toEqual(['many_retailers', 'far_apart']);
    expect(flagged.scans!.signals[1]).toMatchObject({ from: 'Tỉnh Lạng Sơn', to: 'Thành phố Hồ Chí Minh', hours: 2.5 });

    const page = await (await h.request(`/S/${copied}`)).text();
    // Genuine but copied: amber, not the green tick, and the report form open.
    expect(page).toContain('class="banner warning"');
    expect(page).toMatch(/<details[^>]* open/);
    expect(page).toContain('Nghi tem sao chép');
    expect(page).toContain('2 điểm bán khác nhau');
    expect(page).toContain('chỉ trong 2.5 giờ');

    const listed = await listSuspicious({ ctx: h.ctx(inspector('20')) });
    expect(listed.stamps.find((s) => s.serial === flagged.serial)?.signals.map((s) => s.rule)).toEqual([
      'many_retailers',
      'far_apart',
    ]);
    expect(listed.batches.find((b) => b.batchId === flagged.batchId)).toMatchObject({
      rules: ['many_retailers', 'far_apart'],
    });
    expect(
      (await listSuspicious({ ctx: h.ctx(inspector('22')) })).stamps.some((s) => s.serial === flagged.serial),
    ).toBe(false);
    const api = await h.request('/api/v1/suspicious', bearer(await h.token('inspector', { provinceCode: '20' })));
    expect(api.status).toBe(200);
    expect((await h.request('/api/v1/suspicious', bearer(langSon))).status).toBe(403);
  });

  it('flags a stamp scanned by far more people than one pack, and one seen in two far places from scans alone', async () => {
    const many = (await (await h.request(`/api/v1/verify/${genuine[7]!}`)).json()) as Verdict;
    const scanner = (i: number) => ({
      serial: many.serial!,
      scannedAt: TEST_NOW,
      place: null,
      scannerHash: `scanner-${i}`,
    });
    await storeScans(Array.from({ length: h.config.COPY_MAX_SCANNERS }, (_, i) => scanner(i)));
    expect(((await (await h.request(`/api/v1/verify/${genuine[7]!}`)).json()) as Verdict).scans!.signals).toEqual([]);
    await storeScans([scanner(99)]);
    expect(((await (await h.request(`/api/v1/verify/${genuine[7]!}`)).json()) as Verdict).scans!.signals).toEqual([
      { rule: 'many_scanners', scanners: h.config.COPY_MAX_SCANNERS + 1 },
    ]);

    const far = (await (await h.request(`/api/v1/verify/${genuine[4]!}`)).json()) as Verdict;
    await storeScans([
      {
        serial: far.serial!,
        scannedAt: new Date('2026-11-22T08:00:00+07:00'),
        place: 'VN-HN',
        scannerHash: 'a',
        lat: 21,
        lon: 106,
      },
      {
        serial: far.serial!,
        scannedAt: new Date('2026-11-22T20:00:00+07:00'),
        place: 'VN-CM',
        scannerHash: 'b',
        lat: 9,
        lon: 105,
      },
    ]);
    const flagged = (await (await h.request(`/api/v1/verify/${genuine[4]!}`)).json()) as Verdict;
    expect(flagged.scans!.signals).toMatchObject([{ rule: 'far_apart', from: 'VN-HN', to: 'VN-CM', hours: 12 }]);
    const listed = await listSuspicious({ ctx: h.ctx(inspector('20')) });
    expect(
      listed.stamps
        .filter((s) => [many.serial, far.serial].includes(s.serial))
        .map((s) => s.signals[0]!.rule)
        .sort(),
    ).toEqual(['far_apart', 'many_scanners']);
  });

  it('gives a retailer an offline snapshot of its province’s batches', async () => {
    const res = await h.request('/api/v1/intakes/offline-snapshot', bearer(langSon));
    expect(res.status).toBe(200);
    const snapshot = (await res.json()) as {
      provinceCode: string;
      batches: { lot: string; provinceCode: string; ranges: number[][] }[];
    };
    expect(snapshot.provinceCode).toBe('20');
    expect(snapshot.batches.map((b) => b.lot)).toContain('HVQ2610');
    expect(snapshot.batches.every((b) => b.provinceCode === '20' && b.ranges.length > 0)).toBe(true);
  });

  it('exports a batch as EPCIS 2.0 JSON-LD that the GS1 schema accepts: commissioning, receiving, recall', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(epcisJsonSchema());
    const inspectorToken = await h.token('inspector', { provinceCode: '20' });

    expect(
      (
        await record(langSon, {
          sessionId: 'epcis-gtin',
          pointOfSale: 'Quầy tinh dầu',
          items: [{ code: genuine.at(-1)! }],
        })
      ).status,
    ).toBe(201);
    const validBatch = await h.demoBatchId('valid');
    const res = await h.request(`/api/v1/batches/${validBatch}/epcis`, bearer(inspectorToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    const doc = (await res.json()) as { epcisBody: { eventList: Record<string, unknown>[] } };
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const steps = doc.epcisBody.eventList.map((e) => e.bizStep);
    expect(steps[0]).toBe('commissioning');
    expect(steps).toContain('receiving');
    const receiving = doc.epcisBody.eventList.filter((e) => e.bizStep === 'receiving');
    // The demo product has a GTIN: stamps are GS1 Digital Link instance URIs.
    expect((receiving[0]!.epcList as string[])[0]).toMatch(/^https:\/\/id\.gs1\.org\/01\/\d{14}\/21\/\d+$/);

    const recalled = await h.request(
      `/api/v1/batches/${await h.demoBatchId('recalled')}/epcis`,
      bearer(await h.token('admin')),
    );
    expect(recalled.status).toBe(200);
    const recalledDoc = (await recalled.json()) as { epcisBody: { eventList: Record<string, unknown>[] } };
    expect(validate(recalledDoc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(recalledDoc.epcisBody.eventList.map((e) => e.disposition)).toContain('recalled');

    // "Rượu men lá Hữu Lễ" has no GTIN: its identifiers are the service's own URLs.
    expect(
      (
        await record(langSon, {
          sessionId: 'epcis-no-gtin',
          pointOfSale: 'Quầy rượu',
          items: [{ code: h.codes.expired }],
        })
      ).status,
    ).toBe(201);
    const noGtin = await h.request(`/api/v1/batches/${await h.demoBatchId('expired')}/epcis`, bearer(inspectorToken));
    const noGtinDoc = (await noGtin.json()) as { epcisBody: { eventList: Record<string, unknown>[] } };
    expect(validate(noGtinDoc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [commissioned] = noGtinDoc.epcisBody.eventList;
    expect((commissioned!.quantityList as { epcClass: string }[])[0]!.epcClass).toMatch(
      /^https:\/\/ocop\.example\.vn\/id\/batch\/[0-9a-f-]{36}$/,
    );
    const received = noGtinDoc.epcisBody.eventList.find((e) => e.bizStep === 'receiving')!;
    expect(received.epcList).toEqual([`https://ocop.example.vn/S/${h.codes.expired}`]);

    expect(
      validate({ ...doc, type: 'EPCISDocument', epcisBody: { eventList: [{ type: 'ObjectEvent', action: 'SHOUT' }] } }),
    ).toBe(false);
    expect(
      (
        await h.request(
          `/api/v1/batches/${validBatch}/epcis`,
          bearer(await h.token('inspector', { provinceCode: '22' })),
        )
      ).status,
    ).toBe(404); // outside its reach: as if missing
    expect((await h.request(`/api/v1/batches/${validBatch}/epcis`, bearer(langSon))).status).toBe(403);
    expect(await h.db.select({ n: count() }).from(intakes).where(eq(intakes.provinceCode, '20'))).not.toEqual([
      { n: 0 },
    ]);
  });

  // Last in the file: it rotates the signing key.
  it('keeps an old receipt verifiable after the signing key is rotated', async () => {
    const before = (await (
      await record(langSon, { sessionId: 'before-rotation', pointOfSale: 'Quầy 9', items: [{ code: h.codes.valid }] })
    ).json()) as IntakeAnswer;
    await rotateSigningKey({ ctx: h.ctx(ADMIN) });
    const after = (await (
      await record(langSon, { sessionId: 'after-rotation', pointOfSale: 'Quầy 9', items: [{ code: h.codes.valid }] })
    ).json()) as IntakeAnswer;
    expect(decodeProtectedHeader(after.receipt).kid).not.toBe(decodeProtectedHeader(before.receipt).kid);
    const rotated = createLocalJWKSet((await (await h.request('/.well-known/jwks.json')).json()) as JSONWebKeySet);
    await expect(compactVerify(before.receipt, rotated)).resolves.toBeTruthy();
    await expect(compactVerify(after.receipt, rotated)).resolves.toBeTruthy();
  });
});
