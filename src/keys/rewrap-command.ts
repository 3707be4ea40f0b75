import { rewrapSigningKeys } from '../services/keys/rewrap-signing-keys';
import type { ServiceContext } from '../services/shared/context';
import { kekFilePath, rewrapWithNewKekFile } from './kek-file';
import { parseKeks } from './key-encryption';

/**
 * `npm run cli -- keys rewrap`. With KEY_ENCRYPTION_KEY set ("new,old"), every private key is
 * re-sealed under its first key; without it (the embedded default), a new KEK replaces the one in
 * DATA_DIR/key-encryption-key. Returns what to tell the operator.
 */
export async function rewrapKeysCommand(ctx: ServiceContext): Promise<string> {
  const configured = ctx.config.KEY_ENCRYPTION_KEY;
  const { kekId, rewrapped } = configured
    ? await rewrapSigningKeys({ ctx, input: { keks: await parseKeks(configured) } })
    : await rewrapWithNewKekFile(ctx.config.DATA_DIR, (keks) => rewrapSigningKeys({ ctx, input: { keks } }));
  const what = rewrapped.length > 0 ? `Re-sealed ${rewrapped.join(', ')}` : 'Every key was already sealed';
  return configured
    ? `${what} under key-encryption key ${kekId}. Once this has run, KEY_ENCRYPTION_KEY may drop every key but the first, on every instance.`
    : `${what} under a new key-encryption key ${kekId}, now the only one in ${kekFilePath(ctx.config.DATA_DIR)}.`;
}
