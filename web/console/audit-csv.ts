import type { AuditLogEntry } from '../../src/services/audit/read-audit-log';
import { csvDocument } from '../csv';
import { vietnamIso } from '../format';
import { actionWords, actorWords, entityWords, objectLabel } from './audit-words';

const HEADER = [
  '#',
  'Thời điểm',
  'Người thực hiện',
  'Vai trò',
  'Hành động',
  'Mã hành động',
  'Đối tượng',
  'Tên đối tượng',
  'Mã đối tượng',
  'Mã yêu cầu',
];

/** The audit log as a spreadsheet reads it: words beside the codes, times ISO 8601 in Vietnam time (+07:00). */
export function auditCsv(entries: AuditLogEntry[]): string {
  return csvDocument([
    HEADER,
    ...entries.map((e) => {
      const who = actorWords(e.who);
      return [
        e.id,
        vietnamIso(e.at),
        who.name,
        who.role,
        actionWords(e.action),
        e.action,
        entityWords(e.entity),
        objectLabel(e),
        e.entityId,
        e.requestId,
      ];
    }),
  ]);
}
