/** The session's reads as a CSV file the retailer keeps, named by its day and session. */
import { vietnamIso } from '../../format';
import { sessionCsv } from './codes-io';
import { statusTitle, t } from './lang';
import type { Row, Session } from './session-store';

export function downloadSessionCsv(rows: Row[], of: Session): void {
  const csv = sessionCsv(
    rows.map((r) => ({
      scannedAt: r.scannedAt,
      code: r.code,
      serial: r.serial,
      status: r.status,
      statusText: statusTitle(r.status),
      product: r.product ?? '',
      stars: r.stars,
      producer: r.producer ?? '',
      lot: r.lot ?? '',
      duplicate: r.duplicate,
      offlineAsOf: r.live ? null : r.asOf,
      suspicious: r.signals.join(' '),
    })),
    { header: t.csvHeader, yes: t.yes },
  );
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = `nhan-hang-${vietnamIso(new Date(of.startedAt)).slice(0, 10)}-${of.id.slice(0, 8)}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000); // once the download has started
}
