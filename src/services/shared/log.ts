/**
 * One JSON line per error. Only the root cause's message is kept: drizzle wraps driver errors
 * with the full query and its parameters, which do not belong in logs.
 */
export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
  let root = error;
  while (root instanceof Error && root.cause) root = root.cause;
  const cause = root instanceof Error ? root.message : String(root);
  console.error(JSON.stringify({ level: 'error', message, cause, ...fields }));
}
