import type { CreateAreaInput, CreateCertificateInput, CreateSubjectInput } from '../services/registry/inputs';
import type { VerdictStatus } from '../domain/verdict';

/**
 * The demo set: realistic OCOP products, every one marked `demo` in the database and on the page.
 * Names of the first two come from provincial plans; the others are typical products of their
 * provinces, and all producers' registration numbers are invented.
 */
export type DemoProduct = {
  status: Exclude<VerdictStatus, 'forged' | 'unknown' | 'void'>;
  subject: Omit<CreateSubjectInput, 'provinceCode'> & { provinceCode: string };
  area?: Omit<CreateAreaInput, 'subjectId'>;
  product: { name: string; groupCode: string; subgroupCode: string; gtin?: string };
  certificate: Omit<CreateCertificateInput, 'productId'>;
  batch: { lot: string; productionDate: string; bestBefore: string; quantity: number };
  /** The day the stamps were printed, while the certificate was still valid. */
  printedOn: string;
  change?: { on: string; reason: string; basis: string; decidedBy: string; grounds?: 'violation' };
};

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    status: 'valid',
    subject: {
      kind: 'htx',
      name: 'HTX Văn Quan Xanh',
      registrationNumber: 'DEMO-4901000123',
      provinceCode: '20',
      communeCode: '06916',
      addressAsIssued: 'Thôn Bản Cải, xã Văn Quan, tỉnh Lạng Sơn',
    },
    area: {
      kind: 'growing_area',
      name: 'Vùng hồi Văn Quan',
      officialCode: 'VN-LSOR-0031',
      provinceCode: '20',
      communeCode: '06916',
      standards: [
        { name: 'VietGAP', certificateNumber: 'VietGAP-TT-23-07-20-0031', expiresOn: '2027-08-14' },
        { name: 'Hữu cơ TCVN 11041', expiresOn: '2027-03-31' },
      ],
    },
    product: { name: 'Tinh dầu hồi Văn Quan', groupCode: '3', subgroupCode: '3.5', gtin: '8936048123451' },
    certificate: {
      number: 'OCOP-LS-2025-0142',
      score: 78,
      stars: 4,
      issuerName: 'UBND tỉnh Lạng Sơn',
      issuerLevel: 'province',
      decisionNumber: '1562/QĐ-UBND',
      decisionDate: '2025-09-15',
    },
    batch: { lot: 'HVQ2610', productionDate: '2026-10-02', bestBefore: '2028-10-01', quantity: 5000 },
    printedOn: '2026-10-05',
  },
  {
    status: 'expired',
    subject: {
      kind: 'to_hop_tac',
      name: 'Tổ hợp tác Rượu men lá Hữu Lễ',
      registrationNumber: 'DEMO-THT-0217',
      provinceCode: '20',
      addressAsIssued: 'Thôn Tân Hương, xã Hữu Lễ, huyện Văn Quan, tỉnh Lạng Sơn (địa chỉ trước 07/2025)',
    },
    product: { name: 'Rượu men lá Hữu Lễ', groupCode: '2', subgroupCode: '2.1' },
    certificate: {
      number: 'OCOP-VQ-2023-0009',
      score: 64,
      stars: 3,
      issuerName: 'UBND huyện Văn Quan',
      issuerLevel: 'district',
      decisionNumber: '2310/QĐ-UBND',
      decisionDate: '2023-06-20',
    },
    batch: { lot: 'RML2501', productionDate: '2025-01-06', bestBefore: '2030-01-05', quantity: 800 },
    printedOn: '2025-01-10',
  },
  {
    status: 'suspended',
    subject: {
      kind: 'htx',
      name: 'HTX Miến dong Bình Liêu',
      registrationNumber: 'DEMO-5701000456',
      provinceCode: '22',
      addressAsIssued: 'Khu Bình Công, xã Bình Liêu, tỉnh Quảng Ninh',
    },
    product: { name: 'Miến dong Bình Liêu', groupCode: '1', subgroupCode: '1.3' },
    certificate: {
      number: 'OCOP-QN-2025-0088',
      score: 82,
      stars: 4,
      issuerName: 'UBND tỉnh Quảng Ninh',
      issuerLevel: 'province',
      decisionNumber: '845/QĐ-UBND',
      decisionDate: '2025-03-12',
    },
    batch: { lot: 'MD2609', productionDate: '2026-09-20', bestBefore: '2027-09-19', quantity: 2000 },
    printedOn: '2026-09-25',
    change: {
      on: '2026-11-10',
      reason: 'Kiểm tra sau chứng nhận: đang chờ kết quả kiểm nghiệm mẫu',
      basis: '215/QĐ-SNNMT',
      decidedBy: 'Sở Nông nghiệp và Môi trường Quảng Ninh',
    },
  },
  {
    status: 'revoked',
    subject: {
      kind: 'doanh_nghiep',
      name: 'Công ty TNHH Mật ong Cao nguyên đá',
      registrationNumber: 'DEMO-5100789012',
      provinceCode: '08',
      addressAsIssued: 'Thôn Pả Vi, xã Mèo Vạc, tỉnh Tuyên Quang',
    },
    product: { name: 'Mật ong bạc hà Mèo Vạc', groupCode: '1', subgroupCode: '1.3', gtin: '8936048123468' },
    certificate: {
      number: 'OCOP-HG-2024-0031',
      score: 75,
      stars: 4,
      issuerName: 'UBND tỉnh Hà Giang',
      issuerLevel: 'province',
      decisionNumber: '1024/QĐ-UBND',
      decisionDate: '2024-05-06',
    },
    batch: { lot: 'MOBH2605', productionDate: '2026-05-02', bestBefore: '2028-05-01', quantity: 1500 },
    printedOn: '2026-05-04',
    change: {
      on: '2026-10-28',
      reason: 'Vi phạm an toàn thực phẩm: pha đường vào mật ong (hậu kiểm)',
      basis: '1123/QĐ-UBND',
      decidedBy: 'UBND tỉnh Tuyên Quang',
      grounds: 'violation',
    },
  },
  {
    status: 'recalled',
    subject: {
      kind: 'ho_kinh_doanh',
      name: 'Hộ kinh doanh Nước mắm Cát Hải Thành Đạt',
      registrationNumber: 'DEMO-02H8001234',
      provinceCode: '31',
      addressAsIssued: 'Tổ dân phố 5, đặc khu Cát Hải, thành phố Hải Phòng',
    },
    product: { name: 'Nước mắm cá cơm Cát Hải', groupCode: '1', subgroupCode: '1.4' },
    certificate: {
      number: 'OCOP-HP-2025-0117',
      score: 73,
      stars: 4,
      issuerName: 'UBND thành phố Hải Phòng',
      issuerLevel: 'province',
      decisionNumber: '3301/QĐ-UBND',
      decisionDate: '2025-10-02',
    },
    batch: { lot: 'NM2608', productionDate: '2026-08-15', bestBefore: '2028-08-14', quantity: 3000 },
    printedOn: '2026-08-20',
    change: {
      on: '2026-11-05',
      reason: 'Mẫu kiểm nghiệm vượt ngưỡng histamine cho phép',
      basis: '77/QĐ-CCATTP',
      decidedBy: 'Chi cục An toàn vệ sinh thực phẩm Hải Phòng',
    },
  },
];

/** Stamps per demo batch, and the serial of the Văn Quan batch that is voided as a misprint. */
export const DEMO_STAMPS_PER_BATCH = 48;
export const DEMO_VOID_OFFSET = 47;
/** Below the first serial ever issued (1,000,000), so signed but never in a range. */
export const DEMO_UNKNOWN_SERIAL = 999_999;
