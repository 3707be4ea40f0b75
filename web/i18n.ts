import type { CopySignal } from '../src/domain/copy-detection';
import type { VerdictStatus } from '../src/domain/verdict';

export type Lang = 'vi' | 'en';

export function pickLang(value: string | undefined): Lang {
  return value === 'en' ? 'en' : 'vi';
}

type StatusText = { title: string; advice: string };

/** What each verdict tells the person holding the pack: what it means and what to do. */
export const STATUS_TEXT: Record<Lang, Record<VerdictStatus, StatusText>> = {
  vi: {
    valid: { title: 'Tem chính hãng', advice: 'Sản phẩm OCOP đã được chứng nhận, giấy chứng nhận đang còn hiệu lực.' },
    forged: {
      title: 'Tem giả hoặc không hợp lệ',
      advice: 'Mã này không do hệ thống phát hành. Không nên mua; hãy báo cho cơ quan quản lý thị trường.',
    },
    unknown: {
      title: 'Tem chưa được phát hành',
      advice:
        'Chữ ký hợp lệ nhưng số sê-ri không thuộc lô tem nào đã phát hành. Không nên mua; hãy báo cho văn phòng OCOP tỉnh.',
    },
    void: {
      title: 'Tem đã bị hủy',
      advice: 'Nhà sản xuất đã hủy tem này (in lỗi hoặc tiêu hủy). Sản phẩm mang tem này không được bán.',
    },
    recalled: {
      title: 'Lô hàng đã bị thu hồi',
      advice: 'Không sử dụng sản phẩm này. Hãy mang trả nơi mua hoặc báo cho cơ quan chức năng.',
    },
    revoked: {
      title: 'Chứng nhận OCOP đã bị thu hồi',
      advice: 'Sản phẩm không còn được dùng dấu OCOP. Không nên mua; hãy báo nếu vẫn thấy bày bán.',
    },
    suspended: {
      title: 'Chứng nhận OCOP đang bị đình chỉ',
      advice: 'Sản phẩm đang được kiểm tra sau chứng nhận. Nên chờ kết quả trước khi mua.',
    },
    expired: {
      title: 'Chứng nhận OCOP đã hết hạn',
      advice: 'Giấy chứng nhận đã quá 36 tháng và chưa được đánh giá lại.',
    },
  },
  en: {
    valid: { title: 'Genuine stamp', advice: 'A certified OCOP product whose certificate is in force.' },
    forged: {
      title: 'Counterfeit or invalid stamp',
      advice: 'This code was not issued by the system. Do not buy; report it to market surveillance.',
    },
    unknown: {
      title: 'Stamp never issued',
      advice:
        'The signature is valid but no issued stamp range holds this serial. Do not buy; report it to the provincial OCOP office.',
    },
    void: {
      title: 'Voided stamp',
      advice: 'The producer voided this stamp (misprint or destroyed sheet). Goods bearing it must not be sold.',
    },
    recalled: {
      title: 'Batch recalled',
      advice: 'Do not use this product. Return it where you bought it or report it.',
    },
    revoked: {
      title: 'OCOP certificate revoked',
      advice: 'The product may no longer carry the OCOP mark. Do not buy; report it if it is still on sale.',
    },
    suspended: {
      title: 'OCOP certificate suspended',
      advice: 'The product is under post-certification inspection. Wait for the outcome before buying.',
    },
    expired: {
      title: 'OCOP certificate expired',
      advice: 'The certificate is past its 36 months and has not been re-evaluated.',
    },
  },
};

export const LABELS = {
  vi: {
    product: 'Sản phẩm',
    name: 'Tên',
    group: 'Nhóm',
    stars: 'Hạng',
    producer: 'Chủ thể sản xuất',
    address: 'Địa chỉ',
    area: 'Vùng nguyên liệu',
    areaCode: 'Mã vùng',
    standards: 'Tiêu chuẩn',
    expires: 'hết hạn',
    batch: 'Lô hàng',
    lot: 'Số lô',
    produced: 'Ngày sản xuất',
    bestBefore: 'Hạn sử dụng',
    certificate: 'Giấy chứng nhận OCOP',
    number: 'Số',
    decision: 'Quyết định',
    issuer: 'Cơ quan công nhận',
    validity: 'Hiệu lực',
    statusChange: 'Thay đổi trạng thái',
    reason: 'Lý do',
    basis: 'Căn cứ',
    scans: 'Lượt quét',
    scanCount: (n: number) => `Đã quét ${n} lần`,
    firstScan: 'lần đầu',
    suspicious: 'Nghi tem sao chép: hãy kiểm tra kỹ bao bì và báo cáo nếu thấy nghi vấn.',
    serial: 'Số sê-ri',
    copySignal: {
      many_retailers: (s: { retailers: number }) =>
        `Tem này đã được ${s.retailers} điểm bán khác nhau nhận hàng, trong khi một gói hàng chỉ đến một nơi.`,
      far_apart: (s: { from: string; to: string; km: number; hours: number }) =>
        `Tem này được quét ở ${s.from} và ${s.to}, cách nhau khoảng ${s.km} km, chỉ trong ${s.hours} giờ.`,
      many_scanners: (s: { scanners: number }) =>
        `Tem này đã được ${s.scanners} người khác nhau quét, nhiều hơn hẳn một gói hàng bình thường.`,
    },
    offline:
      'Chưa kiểm tra được trạng thái hiện tại (máy chủ dữ liệu tạm thời không truy cập được). Chỉ chữ ký của tem đã được kiểm tra.',
    signatureOnly: {
      title: 'Chữ ký tem là thật, chưa kiểm tra được hiệu lực',
      advice:
        'Tem do hệ thống phát hành, nhưng chưa kiểm tra được giấy chứng nhận còn hiệu lực hay không, lô hàng có bị thu hồi hay không. Hãy quét lại sau ít phút.',
    },
    starsOf: (n: number) => `${n} trên 5 sao`,
    recall: 'Thu hồi lô',
    switchLang: 'English',
    switchHref: 'en',
    heading: 'Xác thực sản phẩm OCOP',
    demoNote: 'Dữ liệu minh họa',
    footer: 'Chương trình Mỗi xã một sản phẩm (OCOP)',
    areaFlag: (standard: string, on: string) => `Thanh tra ghi nhận tiêu chuẩn ${standard} đã hết hiệu lực từ ${on}.`,
    reportThanks: 'Đã nhận báo cáo của bạn',
    reportSent: 'Báo cáo đã được chuyển tới cơ quan kiểm tra của tỉnh. Cảm ơn bạn.',
    back: 'Quay lại kết quả xác thực',
  },
  en: {
    product: 'Product',
    name: 'Name',
    group: 'Group',
    stars: 'Rating',
    producer: 'Producer',
    address: 'Address',
    area: 'Raw-material area',
    areaCode: 'Area code',
    standards: 'Standards',
    expires: 'expires',
    batch: 'Batch',
    lot: 'Lot',
    produced: 'Produced',
    bestBefore: 'Best before',
    certificate: 'OCOP certificate',
    number: 'No.',
    decision: 'Decision',
    issuer: 'Recognised by',
    validity: 'Valid',
    statusChange: 'Status change',
    reason: 'Reason',
    basis: 'Basis',
    scans: 'Scans',
    scanCount: (n: number) => `Scanned ${n} time${n === 1 ? '' : 's'}`,
    firstScan: 'first',
    suspicious: 'Possible copied stamp: check the pack closely and report it if anything looks wrong.',
    serial: 'Serial',
    copySignal: {
      many_retailers: (s: { retailers: number }) =>
        `${s.retailers} different shops have received this stamp, but one pack goes to one place.`,
      far_apart: (s: { from: string; to: string; km: number; hours: number }) =>
        `This stamp was scanned in ${s.from} and in ${s.to}, about ${s.km} km apart, within ${s.hours} hours.`,
      many_scanners: (s: { scanners: number }) =>
        `${s.scanners} different people have scanned this stamp, far more than one pack would see.`,
    },
    offline:
      'Live status could not be checked (the database is unreachable right now). Only the stamp signature was checked.',
    signatureOnly: {
      title: 'Genuine signature, status not checked',
      advice:
        'The system issued this stamp, but whether its certificate is still in force, or its batch recalled, could not be checked. Scan again in a few minutes.',
    },
    starsOf: (n: number) => `${n} out of 5 stars`,
    recall: 'Batch recall',
    switchLang: 'Tiếng Việt',
    switchHref: 'vi',
    heading: 'OCOP product verification',
    demoNote: 'Demo data',
    footer: 'One Commune One Product programme (OCOP)',
    areaFlag: (standard: string, on: string) => `Inspectors found the ${standard} certificate lapsed as of ${on}.`,
    reportThanks: 'Report received',
    reportSent: 'Your report has been passed to the provincial inspectors. Thank you.',
    back: 'Back to the verification result',
  },
} as const;

/** A copy-detection signal in plain words: what was seen, not just that something was. */
export function explainSignal(s: CopySignal, lang: Lang): string {
  const say = LABELS[lang].copySignal;
  if (s.rule === 'many_retailers') return say.many_retailers(s);
  if (s.rule === 'far_apart') return say.far_apart(s);
  return say.many_scanners(s);
}
