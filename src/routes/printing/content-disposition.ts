/**
 * `attachment` with the file's name twice (RFC 6266): `filename` in ASCII for old clients, with
 * Vietnamese letters stripped of their marks (đ as d), and `filename*` in UTF-8 (RFC 5987), which
 * every current browser prefers.
 */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
