import { z } from 'zod';

/** One schema for configuration, validated the same way from process.env and Workers bindings. */
export const configSchema = z.object({
  /** Printed into every QR; defaults to http://localhost:PORT for local runs. */
  PUBLIC_ORIGIN: z
    .url()
    .refine((v) => !/\/$/.test(v), 'no trailing slash')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().optional(),
  /**
   * A private Ed25519 JWK with its kid, kept outside the database: it seeds an empty database, or
   * signs for the key the database publishes under its kid (README, "Signing keys").
   */
  SIGNING_KEY: z.string().optional(),
  /**
   * Seals the private signing keys stored in the database: 32 random bytes, base64url; "new,old"
   * while it is rotated (`keys rewrap`). On Node it is generated into DATA_DIR when unset.
   */
  KEY_ENCRYPTION_KEY: z.string().optional(),
  /** How old an instance's copy of the signing keys may get before it reads them again. */
  KEY_REFRESH_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  /**
   * Secret salt for hashing scanners and their networks (README, "Scanner privacy"); never a raw
   * IP. On Node it is generated into DATA_DIR when unset; a Worker refuses to start without it.
   */
  SCAN_SALT: z.string().min(16).optional(),
  /**
   * Copy detection (README, "Copy detection"). A stamp is `suspicious` when it is received by
   * more than COPY_MAX_RETAILERS retailers; when two reads of it are more than COPY_FAR_KM apart
   * within COPY_FAR_HOURS; or when more than COPY_MAX_SCANNERS distinct scanners (a scanner
   * counts once a day) have scanned it: one pack is scanned by a household, not a town. One
   * network (an IPv4 /24 or IPv6 /48) counts for at most COPY_MAX_SCANNERS_PER_NETWORK scanners a
   * day, so one phone that changes its User-Agent does not pass for a crowd.
   */
  COPY_MAX_RETAILERS: z.coerce.number().int().min(1).default(1),
  COPY_FAR_KM: z.coerce.number().int().min(10).default(300),
  COPY_FAR_HOURS: z.coerce.number().int().min(1).default(24),
  COPY_MAX_SCANNERS: z.coerce.number().int().min(1).default(10),
  COPY_MAX_SCANNERS_PER_NETWORK: z.coerce.number().int().min(1).default(3),
  /** Single verifications (page, API, Digital Link) per minute per client before 429. */
  VERIFY_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * Bulk verification is priced per code (README, "Rate limits"): codes per minute for a caller
   * with a token or a session, counted per token or person, and for anyone else, per address.
   */
  BULK_CODES_PER_MINUTE: z.coerce.number().int().min(1).default(10_000),
  ANON_BULK_CODES_PER_MINUTE: z.coerce.number().int().min(1).default(200),
  /** Sign-in and enrolment requests per minute per client before 429. */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** How long offline verifiers and caches may keep a status list before fetching it again. */
  STATUS_LIST_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** Consumer reports per client per minute before 429 (reports are written, scans are not). */
  REPORT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(3),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Where people sign in; WebAuthn binds passkeys to it. Defaults to PUBLIC_ORIGIN. */
  CONSOLE_ORIGIN: z.url().optional(),
  /** WebAuthn relying-party id; defaults to CONSOLE_ORIGIN's host name. */
  RP_ID: z.string().optional(),
  /** HMAC secret for session cookies (≥ 32 chars). On Node it is generated into DATA_DIR when unset. */
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
});

export type Config = z.infer<typeof configSchema> & { PUBLIC_ORIGIN: string; CONSOLE_ORIGIN: string; RP_ID: string };

export function loadConfig(source: Record<string, unknown>): Config {
  const parsed = configSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const publicOrigin = parsed.data.PUBLIC_ORIGIN ?? `http://localhost:${parsed.data.PORT}`;
  const consoleOrigin = parsed.data.CONSOLE_ORIGIN ?? publicOrigin;
  return {
    ...parsed.data,
    PUBLIC_ORIGIN: publicOrigin,
    CONSOLE_ORIGIN: consoleOrigin,
    RP_ID: parsed.data.RP_ID ?? new URL(consoleOrigin).hostname,
  };
}
