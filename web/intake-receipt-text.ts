import type { Lang } from './i18n';

/**
 * The words of a goods-intake receipt as a person reads it: the printable console page, its PDF
 * and the public check its QR opens. Vietnamese first; English one link away on the pages.
 */
export const RECEIPT_TEXT = {
  vi: {
    title: 'Biên nhận nhận hàng', checkTitle: 'Kiểm tra biên nhận nhận hàng', number: 'Số biên nhận', pointOfSale: 'Điểm bán hoặc kho nhận hàng',
    account: 'Tài khoản ghi nhận', province: 'Tỉnh, thành phố', started: 'Bắt đầu phiên', recorded: 'Ghi nhận và ký lúc', total: 'Tổng số mã',
    counts: 'Số mã theo kết quả', codes: 'Các mã đã nhận', position: 'STT', code: 'Mã tem', serial: 'Số sê-ri', verdict: 'Kết quả khi ghi nhận',
    scannedAt: 'Quét lúc', suspicious: 'Nghi sao chép: tem đã được nơi khác nhận hoặc quét',
    offlineShown: (status: string) => `Khi quét ngoại tuyến máy hiện: ${status}`,
    qrCaption: 'Quét mã QR để kiểm tra biên nhận này trên hệ thống OCOP', checkAt: 'Kiểm tra tại',
    signature: {
      valid: 'Chữ ký hợp lệ: biên nhận do hệ thống OCOP ký và nội dung không bị sửa.',
      key_compromised: 'Cảnh báo: khóa đã ký biên nhận này về sau bị lộ, nên chữ ký không còn chứng minh được gì. Hãy liên hệ cơ quan quản lý.',
      invalid: 'Không xác minh được: chữ ký của biên nhận không hợp lệ. Đừng tin nội dung này.',
    },
    signedWith: (kid: string) => `Ký bằng khóa ${kid}, công bố tại /.well-known/jwks.json.`,
    downloadPdf: 'Tải PDF', downloadJws: 'Tải biên nhận có chữ ký (JWS)', view: 'Xem và in', back: 'Về trang nhận hàng',
    printHint: 'Để in: dùng lệnh In của trình duyệt (Ctrl+P; trên điện thoại: Chia sẻ → In) hoặc tải bản PDF.',
    page: (n: number, of: number) => `Trang ${n}/${of}`, notFound: 'Không tìm thấy biên nhận này. Hãy kiểm tra lại mã QR hoặc đường dẫn.',
    publicNote: 'Trang này cho biết hệ thống OCOP đã ký biên nhận và các mã trong đó; tên người ghi nhận không được công khai.',
    switchLang: 'English', switchHref: 'en', footer: 'Chương trình Mỗi xã một sản phẩm (OCOP)',
  },
  en: {
    title: 'Goods intake receipt', checkTitle: 'Check a goods intake receipt', number: 'Receipt number', pointOfSale: 'Point of sale or store room',
    account: 'Recorded by', province: 'Province', started: 'Session started', recorded: 'Recorded and signed', total: 'Codes in total',
    counts: 'Codes by result', codes: 'Codes received', position: 'No.', code: 'Stamp code', serial: 'Serial', verdict: 'Result when recorded',
    scannedAt: 'Scanned', suspicious: 'Possible copy: this stamp was received or scanned elsewhere',
    offlineShown: (status: string) => `Read offline, the phone showed: ${status}`,
    qrCaption: 'Scan the QR code to check this receipt with the OCOP service', checkAt: 'Check at',
    signature: {
      valid: 'Valid signature: the OCOP service signed this receipt and it has not been altered.',
      key_compromised: 'Warning: the key that signed this receipt was later compromised, so the signature proves nothing. Contact the authority.',
      invalid: 'Not verified: the receipt’s signature is not valid. Do not trust its contents.',
    },
    signedWith: (kid: string) => `Signed with key ${kid}, published at /.well-known/jwks.json.`,
    downloadPdf: 'Download PDF', downloadJws: 'Download signed receipt (JWS)', view: 'View and print', back: 'Back to intake',
    printHint: 'To print: use the browser’s Print command (Ctrl+P; on a phone: Share → Print) or download the PDF.',
    page: (n: number, of: number) => `Page ${n} of ${of}`, notFound: 'No such receipt. Check the QR code or the link.',
    publicNote: 'This page shows that the OCOP service signed the receipt and the codes it lists; the name of whoever recorded it is not public.',
    switchLang: 'Tiếng Việt', switchHref: 'vi', footer: 'One Commune One Product programme (OCOP)',
  },
} satisfies Record<Lang, Record<string, unknown>>;
