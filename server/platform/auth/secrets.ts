import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A URL-safe random secret with 256 bits of entropy. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
