/** The session's CSRF token, which the console shell puts in a meta tag for scripts' writes. */
export const csrf = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
