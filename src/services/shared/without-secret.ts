/** A token or invitation row as it may be shown, returned or audited: never the hash of its secret. */
export function withoutSecret<T extends { tokenHash: string }>(row: T): Omit<T, 'tokenHash'> {
  const { tokenHash: _hash, ...visible } = row;
  return visible;
}
