import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { buildBackup, restoreBackup } from '../db/backup-archive';
import type { Config } from '../env';
import { AppError } from '../services/shared/errors';
import { openOperatorDatabase } from './database';

export const BACKUP_COMMANDS = ['backup', 'restore'] as const;
export const BACKUP_USAGE = `  backup --out FILE                    (the embedded database and DATA_DIR's key files, while the service runs)
  restore --in FILE                    (into an empty DATA_DIR; then npm start)`;

const POSTGRES_INSTEAD =
  'With DATABASE_URL the data is in PostgreSQL: use pg_dump and pg_restore (README, "Backups"), and copy DATA_DIR\'s files.';

/** Backup and restore of the embedded database; they take the configuration, not a service context. */
export async function runBackupCommand(
  command: (typeof BACKUP_COMMANDS)[number],
  values: Record<string, unknown>,
  config: Config,
): Promise<number> {
  if (config.DATABASE_URL) throw new AppError('invalid_input', POSTGRES_INSTEAD);
  if (command === 'backup') {
    if (typeof values.out !== 'string') throw new AppError('invalid_input', '--out FILE is required');
    const database = await openOperatorDatabase(config);
    let snapshot: Uint8Array;
    try {
      snapshot = await database.snapshot!();
    } finally {
      await database.close();
    }
    const { archive, files } = buildBackup(config.DATA_DIR, snapshot);
    // It holds private key material: written owner-only, and renamed into place whole.
    const partial = `${values.out}.partial`;
    writeFileSync(partial, archive, { mode: 0o600 });
    renameSync(partial, values.out);
    console.log(
      `Backup written to ${values.out} (${Math.round(archive.length / 1024)} KB): the database${database.via === 'service' ? ', taken by the running service,' : ''} and ${files.join(', ') || 'no other file'}.`,
    );
    return 0;
  }
  if (typeof values.in !== 'string') throw new AppError('invalid_input', '--in FILE is required');
  const restored = await restoreBackup(new Uint8Array(readFileSync(values.in)), config.DATA_DIR);
  console.log(
    `Restored the backup of ${restored.createdAt} into ${config.DATA_DIR}: the database and ${restored.files.join(', ') || 'no other file'}. Start the service with npm start.`,
  );
  return 0;
}
