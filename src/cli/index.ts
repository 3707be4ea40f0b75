import { parseArgs } from 'node:util';
import { loadConfig } from '../env';
import { openNodeKeyRing } from '../keys/node-keys';
import { rewrapKeysCommand } from '../keys/rewrap-command';
import { verifyAuditChain } from '../services/audit/verify-audit-chain';
import { listExpiringCertificates } from '../services/lifecycle/list-expiring';
import { markKeyCompromised, rotateSigningKey } from '../services/keys/rotate-signing-key';
import { createApiToken } from '../services/tokens/create-token';
import { createEnrolment } from '../services/auth/enrolment';
import { PEOPLE_COMMANDS, PEOPLE_USAGE, runPeopleCommand } from './people';
import { BACKUP_COMMANDS, BACKUP_USAGE, runBackupCommand } from './backup';
import { SCANS_COMMANDS, SCANS_USAGE, runScansCommand } from './scans';
import { openOperatorDatabase } from './database';
import { AppError } from '../services/shared/errors';
import { ROLES, type Actor, type Role } from '../services/shared/policy';
import type { ServiceContext } from '../services/shared/context';

/** The operator at the console acts as an administrator, through the same services and audit. */
const OPERATOR: Actor = {
  kind: 'system',
  id: process.env.USER ? `cli:${process.env.USER}` : 'cli',
  role: 'admin',
  provinceCode: null,
  subjectId: null,
};

const USAGE = `Usage: npm run cli -- <command>
  enroll --role R [--province NN|central] [--subject ID] [--organisation ID] --name "Full name"   (one-time passkey link, 24 h)
  token create --role retailer|producer|inspector|authority|admin [--province NN|central] [--subject ID] [--organisation ID] [--name TEXT] [--days N]
      (--organisation: a retailer's organisation; without one a retailer counts as its own in copy detection)
  keys rotate
  keys compromise --kid KID
  keys rewrap   (re-seal the private keys under a new key-encryption key)
  audit verify
  certificates expiring [--days N]   (renewal notices: expiring within N days, default 30, or expired)
${PEOPLE_USAGE}
${BACKUP_USAGE}
${SCANS_USAGE}
Uses DATABASE_URL, or the PGlite database in DATA_DIR: through the running \`npm start\`, or on its own when none runs.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      province: { type: 'string' },
      subject: { type: 'string' },
      organisation: { type: 'string' },
      name: { type: 'string' },
      days: { type: 'string' },
      kid: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      before: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals.join(' ');
  if (
    values.help ||
    ![
      'enroll',
      'token create',
      'keys rotate',
      'keys compromise',
      'keys rewrap',
      'audit verify',
      'certificates expiring',
      ...PEOPLE_COMMANDS,
      ...BACKUP_COMMANDS,
      ...SCANS_COMMANDS,
    ].includes(command)
  ) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig(process.env);
  if ((BACKUP_COMMANDS as readonly string[]).includes(command))
    return runBackupCommand(command as (typeof BACKUP_COMMANDS)[number], values, config);
  const database = await openOperatorDatabase(config);
  try {
    const keys = await openNodeKeyRing(database.db, config, 'command');
    const ctx: ServiceContext = {
      db: database.db,
      actor: OPERATOR,
      now: () => new Date(),
      keys,
      config,
      requestId: 'cli',
    };
    return await run(command, values, ctx);
  } finally {
    await database.close();
  }
}

async function run(
  command: string,
  values: Record<string, string | boolean | undefined>,
  ctx: ServiceContext,
): Promise<number> {
  const role = String(values.role ?? '') as Role;
  // Passed as written: `resolveScope` requires a province or `central` where the role needs one.
  const province = typeof values.province === 'string' ? values.province : null;
  const subjectId = typeof values.subject === 'string' ? values.subject : null;
  const organisationId = typeof values.organisation === 'string' ? values.organisation : null;
  if ((command === 'enroll' || command === 'token create') && !ROLES.includes(role)) {
    throw new AppError('invalid_input', `--role must be one of ${ROLES.join(', ')}`);
  }
  if ((PEOPLE_COMMANDS as readonly string[]).includes(command))
    return runPeopleCommand(command as (typeof PEOPLE_COMMANDS)[number], values.id, ctx);
  if ((SCANS_COMMANDS as readonly string[]).includes(command))
    return runScansCommand(command as (typeof SCANS_COMMANDS)[number], values.before, ctx);
  if (command === 'enroll') {
    if (typeof values.name !== 'string') throw new AppError('invalid_input', '--name "Full name" is required');
    const { link, enrolment } = await createEnrolment({
      ctx,
      input: { name: values.name, role, provinceCode: province, subjectId, organisationId },
    });
    console.error(
      `Enrolment for ${enrolment.name} (${role}${enrolment.provinceCode ? `, province ${enrolment.provinceCode}` : ''}), valid until ${enrolment.expiresAt.toISOString()}. Open once:`,
    );
    console.log(link);
    return 0;
  }
  if (command === 'token create') {
    const days = values.days ? Number(values.days) : 365;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new AppError('invalid_input', '--days must be 1 to 3650');
    const created = await createApiToken({
      ctx,
      input: {
        role,
        provinceCode: province,
        subjectId,
        organisationId,
        name: typeof values.name === 'string' ? values.name : `${role} token`,
        expiresAt: new Date(ctx.now().getTime() + days * 86_400_000),
      },
    });
    console.error(
      `Token ${created.id} (${role}${created.provinceCode ? `, province ${created.provinceCode}` : ''}), expires ${created.expiresAt?.toISOString().slice(0, 10)}. Shown once:`,
    );
    console.log(created.token);
    return 0;
  }
  if (command === 'keys rotate') {
    const result = await rotateSigningKey({ ctx });
    console.log(
      `Active key is now ${result.kid}; retired: ${result.retired.join(', ') || 'none'}. Old stamps keep verifying.`,
    );
    return 0;
  }
  if (command === 'keys rewrap') {
    console.log(await rewrapKeysCommand(ctx));
    return 0;
  }
  if (command === 'keys compromise') {
    const kid = String(values.kid ?? '').toUpperCase();
    await markKeyCompromised({ ctx, input: { kid } });
    console.log(`Key ${kid} marked compromised: every stamp it signed now verifies as forged.`);
    return 0;
  }
  if (command === 'certificates expiring') {
    const days = values.days ? Number(values.days) : 30;
    if (!Number.isInteger(days) || days < 0 || days > 365)
      throw new AppError('invalid_input', '--days must be 0 to 365');
    const items = await listExpiringCertificates({ ctx, input: { withinDays: days } });
    for (const i of items) {
      console.log(
        [
          i.validUntil,
          i.expired ? 'EXPIRED' : `${i.daysLeft} days`,
          i.number,
          i.productName,
          i.subjectName,
          `province ${i.provinceCode}`,
        ].join('\t'),
      );
    }
    console.error(`${items.length} certificate(s) expiring within ${days} days or already expired.`);
    return 0;
  }
  const report = await verifyAuditChain(ctx.db);
  if (report.ok) {
    console.log(`Audit log intact: ${report.rows} entries, every hash and link verified.`);
    return 0;
  }
  console.log(
    `Audit log BROKEN at entry id ${report.brokenAtId}: ${report.reason} (${report.rows} entries verified before it).`,
  );
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof AppError || error instanceof TypeError
        ? `Error: ${error.message}`
        : `Error: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(error instanceof AppError ? 2 : 1);
  },
);
