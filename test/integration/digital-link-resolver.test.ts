import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/seed/seed-demo';
import { createBatch } from '../../src/services/registry/create-batch';
import { createProduct } from '../../src/services/registry/create-product';
import { updateRegistryItem } from '../../src/services/registry/update-registry';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, openHarness, TEST_ORIGIN, type Harness } from '../support/harness';

const GTIN13 = '8936048123451'; // the valid demo product, registered as a GTIN-13
const GTIN14 = `0${GTIN13}`;
const LOT = 'HVQ2610';
const NOT_VERIFIED = 'Thông tin sản phẩm, chưa xác thực tem';
const FORGED = 'Tem giả hoặc không hợp lệ';
const JSON_ACCEPT = { headers: { accept: 'application/json' } };
const LINKSET_ACCEPT = { headers: { accept: 'application/linkset+json' } };

type ProductInfo = {
  stampVerified: false;
  notice: string;
  digitalLink: string;
  gtin: string;
  lot: string | null;
  serial: string | null;
  product: { name: string; gtin: string };
  subject: { name: string; demo: boolean };
  certificate: {
    number: string;
    stars: number;
    status: string;
    statusChange: { on: string; reason: string | null } | null;
  } | null;
  batch: { lot: string; recall: { on: string } | null; areas: { officialCode: string | null }[] } | null;
};
type Linkset = { linkset: Record<string, unknown>[] };

describe.each(DATABASE_KINDS)('GS1 Digital Link resolver on %s', (kind) => {
  let h: Harness;
  let valid: Verdict;
  beforeAll(async () => {
    h = await openHarness(kind);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
  });
  afterAll(async () => {
    await h?.close();
  });

  const page = async (path: string) => {
    const res = await h.request(path);
    return { res, text: await res.text() };
  };
  const info = async (path: string, status = 200) => {
    const res = await h.request(path, JSON_ACCEPT);
    expect(res.status, path).toBe(status);
    return (await res.json()) as ProductInfo;
  };

  it('answers a barcode without a stamp with the product and lot, honestly unverified: never forged, in every GTIN length', async () => {
    const serial = String(valid.serial);
    for (const path of [
      `/01/${GTIN14}/10/${LOT}/21/${serial}`,
      `/01/${GTIN13}/10/${LOT}/21/${serial}`,
      `/01/${GTIN14}/21/${serial}`,
      `/01/${GTIN14}/10/${LOT}`,
      `/01/${GTIN13}`,
      `/01/${GTIN14}`,
    ]) {
      const { res, text } = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toContain(NOT_VERIFIED);
      expect(text).not.toContain(FORGED);
      expect(text).not.toMatch(/class="banner (danger|ok)/);
      expect(text).toContain('Tinh dầu hồi Văn Quan');
      expect(text).toContain('HTX Văn Quan Xanh');
      expect(text).toContain('OCOP-LS-2025-0142');
      expect(text).toContain('Còn hiệu lực');
      expect(text).toContain('aria-label="4 trên 5 sao"');
      expect(res.headers.get('link')).toContain('rel="linkset"');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const lotPage = (await page(`/01/${GTIN14}/10/${LOT}/21/${serial}`)).text;
    expect(lotPage).toContain('VN-LSOR-0031');
    expect(lotPage).toContain(`Số sê-ri trong đường dẫn: ${serial} (chưa xác thực`);
    const english = (await page(`/01/${GTIN14}/10/${LOT}?lang=en`)).text;
    expect(english).toContain('Product information, stamp not verified');
    expect(english).toContain('In force');
  });

  it('answers JSON with the documented shape and the certificate’s live status: valid, revoked, suspended, expired', async () => {
    const body = await info(`/01/${GTIN13}/10/${LOT}/21/${valid.serial}`);
    expect(body).toMatchObject({
      stampVerified: false,
      notice: NOT_VERIFIED,
      gtin: GTIN14,
      lot: LOT,
      serial: String(valid.serial),
      digitalLink: `${TEST_ORIGIN}/01/${GTIN14}/10/${LOT}/21/${valid.serial}`,
      product: { name: 'Tinh dầu hồi Văn Quan', gtin: GTIN13 },
      subject: { name: 'HTX Văn Quan Xanh', demo: true },
      certificate: { number: 'OCOP-LS-2025-0142', stars: 4, status: 'valid', statusChange: null },
      batch: { lot: LOT, recall: null },
    });
    expect(body.batch!.areas[0]!.officialCode).toBe('VN-LSOR-0031');
    expect((await info(`/01/${GTIN14}`)).batch).toBeNull();

    const revoked = await info('/01/08936048123468/10/MOBH2605');
    expect(revoked.certificate).toMatchObject({ status: 'revoked', statusChange: { on: '2026-10-28' } });
    const revokedPage = (await page('/01/08936048123468')).text;
    expect(revokedPage).toContain('Đã bị thu hồi');
    expect(revokedPage).not.toContain(FORGED);

    // The suspended and the expired demo products get a GTIN-12 and a GTIN-8, registered as such.
    const suspended = await verdictOf(h.codes.suspended);
    const expired = await verdictOf(h.codes.expired);
    await updateRegistryItem.products({
      ctx: h.ctx(SEED_ACTOR),
      input: { id: suspended.productId!, patch: { gtin: '036000291452' } },
    });
    await updateRegistryItem.products({
      ctx: h.ctx(SEED_ACTOR),
      input: { id: expired.productId!, patch: { gtin: '96385074' } },
    });
    expect((await info('/01/00036000291452')).certificate!.status).toBe('suspended');
    expect((await info('/01/036000291452/10/MD2609')).certificate!.status).toBe('suspended');
    expect((await info('/01/96385074')).certificate!.status).toBe('expired');
    expect((await info('/01/00000096385074/10/RML2501')).product.name).toBe('Rượu men lá Hữu Lễ');
    expect((await page('/01/96385074')).text).toContain('Đã hết hạn');
  });

  it('shows a recall on the lot page, and the certificate turning expired with the calendar', async () => {
    const recalled = await verdictOf(h.codes.recalled);
    await updateRegistryItem.products({
      ctx: h.ctx(SEED_ACTOR),
      input: { id: recalled.productId!, patch: { gtin: '4006381333931' } },
    });
    const lot = await info('/01/4006381333931/10/NM2608');
    expect(lot.batch!.recall).toMatchObject({ on: '2026-11-05' });
    const text = (await page('/01/4006381333931/10/NM2608')).text;
    expect(text).toContain('Lô hàng này đã bị thu hồi từ ngày 05/11/2026');
    expect(text).not.toMatch(/class="banner (danger|ok)/);
    h.setNow(new Date('2028-09-20T10:00:00+07:00')); // past validUntil 2028-09-14
    try {
      expect((await info(`/01/${GTIN14}`)).certificate!.status).toBe('expired');
    } finally {
      h.setNow(new Date('2026-11-23T10:00:00+07:00'));
    }
  });

  it('says what was not found, in Vietnamese: an unknown GTIN, an unknown lot, an invalid GTIN, an unsupported path', async () => {
    const unknown = await page('/01/4006381333900'); // a valid check digit, and no such product
    expect(unknown.res.status).toBe(404);
    expect(unknown.text).toContain('Không tìm thấy sản phẩm');
    expect(unknown.text).toContain('điều đó không có nghĩa là hàng giả');
    expect(unknown.text).not.toContain(FORGED);
    expect(unknown.res.headers.get('link')).toBeNull();
    const unknownJson = await h.request('/01/04006381333900', JSON_ACCEPT);
    expect(unknownJson.status).toBe(404);
    expect(((await unknownJson.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('GTIN'),
    });

    const noLot = await page(`/01/${GTIN14}/10/NOSUCHLOT/21/5`);
    expect(noLot.res.status).toBe(404);
    expect(noLot.text).toContain('Không tìm thấy lô');
    expect(noLot.text).toContain(`href="/01/${GTIN14}"`);
    const noLotJson = await h.request(`/01/${GTIN14}/10/NOSUCHLOT`, JSON_ACCEPT);
    expect(noLotJson.status).toBe(404);
    expect(((await noLotJson.json()) as { error: { message: string } }).error.message).toContain(
      'không có lô “NOSUCHLOT”',
    );

    const badCheck = await page('/01/08936048123452');
    expect(badCheck.res.status).toBe(400);
    expect(badCheck.text).toContain('Mã GTIN không hợp lệ');
    expect((await h.request('/01/12345', JSON_ACCEPT)).status).toBe(400);

    const unsupported = await page(`/01/${GTIN14}/22/ABC`);
    expect(unsupported.res.status).toBe(404);
    expect(unsupported.text).toContain('Đường dẫn không được hỗ trợ');
    const slash = await h.request(`/01/${GTIN14}/10/${LOT}/?lang=en`);
    expect(slash.status).toBe(308);
    expect(slash.headers.get('location')).toBe(`/01/${GTIN14}/10/${LOT}?lang=en`);
  });

  it('gives the verdict with ?stamp=, and forged when the stamp is not the one the link names', async () => {
    const link = new URL(valid.digitalLink!);
    const stamp = link.searchParams.get('stamp')!;
    const verdictAt = async (path: string) => ((await (await h.request(path, JSON_ACCEPT)).json()) as Verdict).status;
    expect(await verdictAt(link.pathname + link.search)).toBe('valid');
    expect(await verdictAt(`/01/${GTIN13}/10/${LOT}/21/${valid.serial}?stamp=${stamp}`)).toBe('valid');
    expect(await verdictAt(`/01/${GTIN14}/21/${valid.serial}?stamp=${stamp}`)).toBe('valid');
    expect(await verdictAt(`/01/${GTIN14}?stamp=${stamp}`)).toBe('valid');
    expect(await verdictAt(`/01/${GTIN14}/10/OTHER/21/${valid.serial}?stamp=${stamp}`)).toBe('forged');
    expect(await verdictAt(`/01/${GTIN14}/10/${LOT}/21/${valid.serial! + 1}?stamp=${stamp}`)).toBe('forged');
    expect(await verdictAt(`/01/08936048123468/10/${LOT}/21/${valid.serial}?stamp=${stamp}`)).toBe('forged');
    expect(await verdictAt(`/01/08936048123452/10/${LOT}/21/${valid.serial}?stamp=${stamp}`)).toBe('forged');
    const html = await page(link.pathname + link.search);
    expect(html.res.status).toBe(200);
    expect(html.text).toContain('data-status="valid"');
    const mismatched = await page(`/01/${GTIN14}/10/OTHER/21/${valid.serial}?stamp=${stamp}`);
    expect(mismatched.text).toContain(FORGED);
  });

  it('reads a lot holding a slash, percent-encoded, and a product without a certificate', async () => {
    await createBatch({
      ctx: h.ctx(SEED_ACTOR),
      input: { productId: valid.productId!, lot: 'L/26.1', productionDate: '2026-11-01', quantity: 10, areaIds: [] },
    });
    expect((await info(`/01/${GTIN14}/10/L%2F26.1`)).batch!.lot).toBe('L/26.1');
    const [lotLink] = ((await (await h.request(`/01/${GTIN14}/10/L%2F26.1`, LINKSET_ACCEPT)).json()) as Linkset)
      .linkset;
    expect(lotLink!.anchor).toBe(`${TEST_ORIGIN}/01/${GTIN14}/10/L%2F26.1`);

    await createProduct({
      ctx: h.ctx(ADMIN),
      input: {
        subjectId: valid.subjectId!,
        name: 'Trà hồi (chưa chứng nhận)',
        taxonomyVersion: '2022',
        groupCode: '2',
        subgroupCode: '2.2',
        gtin: '5901234123457',
      },
    });
    const bare = await info('/01/05901234123457');
    expect(bare.certificate).toBeNull();
    expect((await page('/01/5901234123457')).text).toContain('Sản phẩm chưa có giấy chứng nhận OCOP trong hệ thống.');
  });

  async function verdictOf(code: string): Promise<Verdict> {
    return (await (await h.request(`/api/v1/verify/${code}`)).json()) as Verdict;
  }
});
