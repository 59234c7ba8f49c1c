/**
 * SHA-256 of the bytes of typed arrays, in order: how golden files and bench/fingerprint.ts see bit-for-bit changes.
 */
import { createHash } from 'node:crypto';

export function digest(arrays: readonly ArrayBufferView[]): string {
  const h = createHash('sha256');
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
}
