import { createPrivateKey, sign } from 'node:crypto';
import type { Db } from '../db/client';
import type { Config } from '../env';
import { createFirstSigningKey, importPrivateKeys } from '../services/keys/provision-keys';
import type { ServiceContext } from '../services/shared/context';
import type { Actor } from '../services/shared/policy';
import { keyFilePath, readKeyFile } from './file-key-store';
import { nodeKeks } from './kek-file';
import { KeyRing, type PrivateSigningJwk } from './key-ring';
import { loadKeyRows, parseSigningKeySecret } from './key-rows';

/** Node's synchronous Ed25519: the same signatures as WebCrypto, without the async overhead. */
function nodeEd25519(jwk: PrivateSigningJwk) {
  const key = createPrivateKey({ key: jwk as never, format: 'jwk' });
  return (input: Uint8Array) => new Uint8Array(sign(null, input, key));
}

const STARTING_SERVICE: Actor = {
  kind: 'system',
  id: 'service-start',
  role: 'admin',
  provinceCode: null,
  subjectId: null,
};

/**
 * `service`: `npm start` (and every test runtime). It alone may create the first key of an empty
 * database and import private keys kept outside it, and it refuses to start without a usable
 * active key. `command`: the CLI, which never creates, imports or publishes a key (`keys rotate`
 * creates one through the service that rotates).
 */
export type NodeKeyRole = 'service' | 'command';

export async function openNodeKeyRing(db: Db, config: Config, role: NodeKeyRole): Promise<KeyRing> {
  const external = config.SIGNING_KEY ? [parseSigningKeySecret(config.SIGNING_KEY)] : [];
  const rows = await loadKeyRows(db);
  const keks = await nodeKeks(config, role === 'service' && !rows.some((r) => r.privateKeySealed));
  const ring = new KeyRing({ keks, external, refreshSeconds: config.KEY_REFRESH_SECONDS, nativeSigner: nodeEd25519 });
  if (role === 'command') {
    await ring.refresh(db);
    return ring;
  }
  const ctx: ServiceContext = {
    db,
    actor: STARTING_SERVICE,
    now: () => new Date(),
    keys: ring,
    config,
    requestId: 'start',
  };
  try {
    if (rows.length === 0) {
      await createFirstSigningKey({ ctx, input: { external: external[0] } });
    } else {
      const unknown = external.find((jwk) => !rows.some((r) => r.kid === jwk.kid));
      if (unknown)
        throw new Error(
          `SIGNING_KEY holds ${unknown.kid}, which this database does not publish. SIGNING_KEY only seeds an empty database or supplies a key it already publishes; new keys come from \`keys rotate\``,
        );
      await importOutsideKeys(
        ctx,
        rows.some((r) => !r.privateKeySealed),
        external,
        config.DATA_DIR,
      );
    }
    await ring.refresh(db);
    await checkEveryKeyOpens(ring, db);
  } catch (error) {
    throw new Error(`signing keys: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return ring;
}

async function importOutsideKeys(
  ctx: ServiceContext,
  someUnsealed: boolean,
  external: PrivateSigningJwk[],
  dataDir: string,
) {
  if (!someUnsealed) return;
  for (const [candidates, source] of [
    [external, 'SIGNING_KEY'],
    [readKeyFile(dataDir), keyFilePath(dataDir)],
  ] as const) {
    const imported = await importPrivateKeys({ ctx, input: { candidates, source } });
    if (imported.length > 0) {
      console.log(
        `Signing keys ${imported.join(', ')} imported from ${source} into the database, sealed under the key-encryption key. ` +
          'Every instance now reads them there; once each runs this version, the old copy is no longer needed.',
      );
    }
  }
}

/**
 * A wrong KEY_ENCRYPTION_KEY, or an active key nobody holds, stops the start here with the reason,
 * rather than failing every print job later. Retired keys that no instance holds and that issued
 * no stamp are strays of older versions: named, so an operator can mark them compromised.
 */
async function checkEveryKeyOpens(ring: KeyRing, db: Db) {
  for (const row of (await loadKeyRows(db)).filter((r) => r.state !== 'compromised')) {
    const jwk = await ring.privateJwk(row);
    if (jwk) continue;
    if (row.state === 'active') {
      throw new Error(
        `no private key for the active key ${row.kid}: start once with the DATA_DIR/signing-keys.json or SIGNING_KEY that holds it, or run \`keys rotate\``,
      );
    }
    if (!row.signsStamps) {
      console.warn(
        `Signing key ${row.kid} is published but no instance holds its private key and it issued no stamp: ` +
          `a stray of an earlier version. Withdraw it with \`npm run cli -- keys compromise --kid ${row.kid}\`.`,
      );
    }
  }
  await ring.activeSigner(db);
}
