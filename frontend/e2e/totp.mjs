// RFC 6238 (TOTP: HMAC-SHA1, 6 digits, 30-second steps), as an authenticator
// app computes it, for the journeys that set up and use a second factor.
import { createHmac } from 'node:crypto';

/** base32Decode reads an RFC 4648 base32 secret (no padding needed). */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** totp is the code of a time step (RFC 4226 HOTP over the step number). */
export function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

/** stepNow is the current time step. */
export const stepNow = () => Math.floor(Date.now() / 1000 / 30);

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" at T = 59 s and 1111111109 s (last 6 digits).
for (const [t, want] of [[59, '287082'], [1111111109, '081804']]) {
  if (totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Math.floor(t / 30)) !== want) throw new Error(`TOTP self-test failed (T=${t})`);
}
