import { publicPage } from './front-door';
import type { Lang } from './i18n';
import { html, type Html } from './view';

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

const TITLES: Record<Lang, Record<Status, string>> = {
  vi: {
    400: 'Yêu cầu không hợp lệ',
    401: 'Cần đăng nhập',
    403: 'Không thực hiện được',
    404: 'Không tìm thấy trang',
    409: 'Không thực hiện được',
    413: 'Dữ liệu gửi lên quá lớn',
    422: 'Không thực hiện được',
    429: 'Quá nhiều yêu cầu',
    500: 'Lỗi máy chủ',
    503: 'Tạm thời chưa phục vụ được',
  },
  en: {
    400: 'Invalid request',
    401: 'Sign-in needed',
    403: 'Not allowed',
    404: 'Page not found',
    409: 'Not possible now',
    413: 'Too much data sent',
    422: 'Not possible',
    429: 'Too many requests',
    500: 'Server error',
    503: 'Temporarily unavailable',
  },
};

const TEXT = {
  vi: {
    retry: (s: number) => `Hãy thử lại sau ${s < 60 ? `${s} giây` : `${Math.ceil(s / 60)} phút`}.`,
    reference: 'Mã yêu cầu (báo cho bộ phận hỗ trợ nếu cần)',
    home: 'Về trang chủ',
    console: 'Về trang quản lý',
    notFound:
      'Đường dẫn này không có trên hệ thống. Nếu bạn gõ địa chỉ, hãy kiểm tra lại; nếu bạn quét tem, hãy dùng ô nhập mã ở trang chủ.',
  },
  en: {
    retry: (s: number) => `Please try again in ${s < 60 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`}.`,
    reference: 'Request id (quote it to support if needed)',
    home: 'Home page',
    console: 'Back to the console',
    notFound:
      'There is no such address here. If you typed it, check it; if you scanned a stamp, type its code on the home page.',
  },
} as const;

/**
 * What a browser is shown when a request is refused or fails: a page in the reader's language,
 * never the JSON an API client gets. The message is the service's own (Vietnamese); an English
 * reader gets the English title above it.
 */
export function errorPage(p: {
  lang: Lang;
  status: number;
  message: string;
  requestId: string | null;
  retryAfterSeconds?: number;
  inConsole: boolean;
}): Html {
  const status = (p.status in TITLES.vi ? p.status : 500) as Status;
  const t = TEXT[p.lang];
  const title = TITLES[p.lang][status];
  return publicPage(
    p.lang,
    title,
    html`<h1>${title}</h1><p role="alert">${status === 404 ? t.notFound : p.message}</p>
${p.retryAfterSeconds ? html`<p>${t.retry(p.retryAfterSeconds)}</p>` : ''}
<p>${p.inConsole ? html`<a href="/console">${t.console}</a> · ` : ''}<a href="/${p.lang === 'en' ? '?lang=en' : ''}">${t.home}</a></p>
${p.requestId ? html`<p class="hint">${t.reference}: <code>${p.requestId}</code></p>` : ''}`,
    { alternate: p.lang === 'en' ? '/' : '/?lang=en' },
  );
}
