// Vietnam keeps UTC+7 all year (no daylight saving): one offset serves every instant.
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The wall-clock fields of an instant in Vietnam, whatever the server's or the browser's zone. */
function vietnamParts(date: Date) {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return {
    y: local.slice(0, 4),
    m: local.slice(5, 7),
    d: local.slice(8, 10),
    hm: local.slice(11, 16),
    hms: local.slice(11, 19),
  };
}

/** Vietnam time as people read it on a record: dd/mm/yyyy HH:mm, Asia/Ho_Chi_Minh. */
export function vietnamTime(date: Date): string {
  const p = vietnamParts(date);
  return `${p.d}/${p.m}/${p.y} ${p.hm}`;
}

/**
 * dd/mm/yyyy. An instant is dated by Vietnam's calendar (23:30 UTC is the next day there); a
 * calendar date (YYYY-MM-DD, the unit of legal dates) is only rewritten.
 */
export function vietnamDate(date: Date | string): string {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
  }
  const p = vietnamParts(date);
  return `${p.d}/${p.m}/${p.y}`;
}

/** ISO 8601 with Vietnam's offset, for exports: 2026-11-24T06:30:00+07:00 (a spreadsheet reads it as the local time it is). */
export function vietnamIso(date: Date): string {
  const p = vietnamParts(date);
  return `${p.y}-${p.m}-${p.d}T${p.hms}+07:00`;
}
