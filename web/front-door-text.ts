import type { Lang } from './i18n';

/** The words of the front door (`/`) and the camera page (`/scan`), one table per language. */
export const FRONT_DOOR_TEXT = {
  vi: {
    title: 'Kiểm tra sản phẩm OCOP',
    brand: 'OCOP · Tem điện tử',
    skip: 'Bỏ qua, đến nội dung chính',
    intro:
      'Mỗi sản phẩm OCOP mang một tem có mã QR. Kiểm tra tem để biết tem có thật không, giấy chứng nhận OCOP còn hiệu lực không và lô hàng có bị thu hồi không.',
    codeHeading: 'Nhập hoặc dán mã tem',
    codeLabel: 'Mã tem hoặc đường dẫn của mã QR',
    codeHint: 'Đường dẫn có dạng …/S/… ; mã tem là dãy chữ và số sau /S/. Không phân biệt chữ hoa, chữ thường.',
    check: 'Kiểm tra',
    notACode: 'Không đọc được mã tem. Hãy dán nguyên đường dẫn của mã QR, hoặc gõ lại dãy chữ và số sau /S/.',
    scanHeading: 'Quét bằng camera',
    scanPhone:
      'Trên điện thoại: mở ứng dụng Camera hoặc Zalo và hướng vào mã QR trên tem. Tem là một đường dẫn thường, điện thoại sẽ mở trang kết quả.',
    scanHere: 'Quét ngay trên trang này',
    findHeading: 'Tìm sản phẩm OCOP',
    findLabel: 'Tên sản phẩm, chủ thể, số chứng nhận hoặc số lô',
    findHint:
      'Tra cứu hồ sơ sản phẩm trong phạm vi quản lý của bạn; dành cho cán bộ quản lý và thanh tra, cần đăng nhập.',
    find: 'Tìm',
    staffHeading: 'Cán bộ, nhà sản xuất, cửa hàng',
    staffText:
      'Đăng ký sản phẩm, in tem, nhận hàng và hậu kiểm trong trang quản lý. Đăng nhập bằng passkey, không dùng mật khẩu.',
    signIn: 'Đăng nhập trang quản lý',
    developers: 'Dành cho nhà phát triển: API và tài liệu',
    footer: 'Chương trình Mỗi xã một sản phẩm (OCOP)',
    otherLang: 'English',
    otherHref: '/?lang=en',
    otherCode: 'en',
    scanTitle: 'Quét tem bằng camera',
    scanStart: 'Bật camera',
    scanStop: 'Tắt camera',
    scanHow: 'Hướng camera vào mã QR trên tem, giữ yên khoảng một giây. Khi đọc được tem, trang kết quả tự mở.',
    scanNoScript:
      'Trang quét cần JavaScript. Bạn vẫn có thể dùng ứng dụng Camera của điện thoại, hoặc gõ mã tem ở trang chủ.',
    scanNoCamera:
      'Không mở được camera (chưa cho phép, hoặc thiết bị không có camera). Hãy cho phép dùng camera rồi thử lại, hoặc gõ mã tem ở trang chủ.',
    scanNotStamp: 'Mã QR này không phải tem OCOP:',
    scanFound: 'Đã đọc được tem, đang mở kết quả…',
    home: 'Về trang chủ',
    videoLabel: 'Hình ảnh từ camera',
  },
  en: {
    title: 'Check an OCOP product',
    brand: 'OCOP · Digital stamps',
    skip: 'Skip to main content',
    intro:
      'Every OCOP product carries a stamp with a QR code. Check the stamp to see whether it is genuine, whether the OCOP certificate is in force and whether the batch was recalled.',
    codeHeading: 'Type or paste a stamp code',
    codeLabel: 'Stamp code or the QR code’s link',
    codeHint:
      'The link looks like …/S/… ; the stamp code is the letters and digits after /S/. Upper or lower case does not matter.',
    check: 'Check',
    notACode:
      'This is not a stamp code. Paste the QR code’s whole link, or type the letters and digits after /S/ again.',
    scanHeading: 'Scan with the camera',
    scanPhone:
      'On a phone: open the Camera app or Zalo and point it at the stamp’s QR code. The stamp is an ordinary link; the phone opens the result page.',
    scanHere: 'Scan on this page',
    findHeading: 'Find an OCOP product',
    findLabel: 'Product, producer, certificate number or lot',
    findHint: 'Searches the product records you are responsible for; for officials and inspectors, sign-in required.',
    find: 'Search',
    staffHeading: 'Officials, producers and shops',
    staffText:
      'Register products, print stamps, receive goods and inspect in the console. Sign in with a passkey; there are no passwords.',
    signIn: 'Sign in to the console',
    developers: 'For developers: API and documentation',
    footer: 'One Commune One Product programme (OCOP)',
    otherLang: 'Tiếng Việt',
    otherHref: '/',
    otherCode: 'vi',
    scanTitle: 'Scan a stamp with the camera',
    scanStart: 'Turn the camera on',
    scanStop: 'Turn the camera off',
    scanHow:
      'Point the camera at the stamp’s QR code and hold still for a second. Once the stamp is read, the result opens.',
    scanNoScript:
      'Scanning here needs JavaScript. You can still use the phone’s Camera app, or type the stamp code on the home page.',
    scanNoCamera:
      'The camera could not be opened (not allowed, or no camera). Allow the camera and try again, or type the stamp code on the home page.',
    scanNotStamp: 'This QR code is not an OCOP stamp:',
    scanFound: 'Stamp read, opening the result…',
    home: 'Home page',
    videoLabel: 'Camera picture',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type FrontDoorText = (typeof FRONT_DOOR_TEXT)[Lang];
