import type { CertificateLiveStatus } from '../src/services/resolver/product-info';
import type { Lang } from './i18n';

/**
 * The words of the product page behind a GS1 barcode. It states facts about a product and a lot,
 * and says plainly that no stamp was checked: it never reads as genuine, nor as forged.
 */
export const PRODUCT_TEXT = {
  vi: {
    heading: 'Thông tin sản phẩm OCOP',
    title: 'Thông tin sản phẩm, chưa xác thực tem',
    advice:
      'Đây là thông tin công khai về sản phẩm theo mã vạch GS1. Trang này không xác thực gói hàng bạn đang cầm: hãy quét mã QR tem OCOP trên bao bì để biết tem thật hay giả.',
    product: 'Sản phẩm',
    certificate: 'Giấy chứng nhận OCOP',
    status: 'Trạng thái',
    noCertificate: 'Sản phẩm chưa có giấy chứng nhận OCOP trong hệ thống.',
    certificateStatus: {
      valid: 'Còn hiệu lực',
      suspended: 'Đang bị đình chỉ',
      revoked: 'Đã bị thu hồi',
      expired: 'Đã hết hạn',
    } satisfies Record<CertificateLiveStatus, string>,
    certificateNote: {
      valid: null,
      suspended: 'Chứng nhận OCOP của sản phẩm đang bị đình chỉ để kiểm tra. Nên chờ kết quả trước khi mua.',
      revoked: 'Chứng nhận OCOP của sản phẩm đã bị thu hồi: sản phẩm không còn được dùng dấu OCOP.',
      expired: 'Giấy chứng nhận OCOP đã quá 36 tháng và chưa được đánh giá lại.',
    } satisfies Record<CertificateLiveStatus, string | null>,
    recalled: (on: string) => `Lô hàng này đã bị thu hồi từ ngày ${on}. Không sử dụng sản phẩm thuộc lô này.`,
    serialUnchecked: (serial: string) =>
      `Số sê-ri trong đường dẫn: ${serial} (chưa xác thực: chỉ tem OCOP có chữ ký mới chứng minh được).`,
    verifyHint: 'Xác thực tem OCOP',
    linkset: 'Liên kết GS1 (linkset)',
    notFoundTitle: 'Không tìm thấy sản phẩm',
    notFound: (gtin: string) =>
      `Không có sản phẩm OCOP nào mang mã GTIN ${gtin} trong hệ thống. Mã vạch có thể thuộc một sản phẩm chưa đăng ký ở đây; điều đó không có nghĩa là hàng giả.`,
    lotNotFoundTitle: 'Không tìm thấy lô',
    lotNotFound: (lot: string, product: string) =>
      `Sản phẩm “${product}” không có lô “${lot}” trong hệ thống. Hãy kiểm tra lại số lô in trên bao bì.`,
    productPage: 'Xem thông tin sản phẩm',
    badGtinTitle: 'Mã GTIN không hợp lệ',
    badGtin: (gtin: string) =>
      `“${gtin}” không phải là mã GTIN hợp lệ (8, 12, 13 hoặc 14 chữ số, chữ số cuối là số kiểm tra).`,
    unsupportedTitle: 'Đường dẫn không được hỗ trợ',
    unsupported:
      'Hệ thống này đọc đường dẫn GS1 Digital Link dạng /01/{GTIN}, có thể kèm /10/{số lô} và /21/{số sê-ri}.',
  },
  en: {
    heading: 'OCOP product information',
    title: 'Product information, stamp not verified',
    advice:
      'This is public information about the product behind a GS1 barcode. It does not verify the pack in your hand: scan the OCOP QR stamp on the pack to know whether it is genuine.',
    product: 'Product',
    certificate: 'OCOP certificate',
    status: 'Status',
    noCertificate: 'The product has no OCOP certificate in the system.',
    certificateStatus: {
      valid: 'In force',
      suspended: 'Suspended',
      revoked: 'Revoked',
      expired: 'Expired',
    } satisfies Record<CertificateLiveStatus, string>,
    certificateNote: {
      valid: null,
      suspended: 'The product’s OCOP certificate is suspended pending inspection. Wait for the outcome before buying.',
      revoked: 'The product’s OCOP certificate was revoked: it may no longer carry the OCOP mark.',
      expired: 'The OCOP certificate is past its 36 months and has not been re-evaluated.',
    } satisfies Record<CertificateLiveStatus, string | null>,
    recalled: (on: string) => `This lot was recalled on ${on}. Do not use products from this lot.`,
    serialUnchecked: (serial: string) =>
      `Serial in the link: ${serial} (not verified: only a signed OCOP stamp proves it).`,
    verifyHint: 'Verify an OCOP stamp',
    linkset: 'GS1 links (linkset)',
    notFoundTitle: 'Product not found',
    notFound: (gtin: string) =>
      `No OCOP product with GTIN ${gtin} is in the system. The barcode may belong to a product not registered here; that does not make it counterfeit.`,
    lotNotFoundTitle: 'Lot not found',
    lotNotFound: (lot: string, product: string) =>
      `The product “${product}” has no lot “${lot}” in the system. Check the lot number printed on the pack.`,
    productPage: 'See the product information',
    badGtinTitle: 'Invalid GTIN',
    badGtin: (gtin: string) => `“${gtin}” is not a valid GTIN (8, 12, 13 or 14 digits, the last one a check digit).`,
    unsupportedTitle: 'Link not supported',
    unsupported:
      'This service reads GS1 Digital Link paths of the form /01/{GTIN}, optionally with /10/{lot} and /21/{serial}.',
  },
} as const;

export type ProductText = (typeof PRODUCT_TEXT)[Lang];
