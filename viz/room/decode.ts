/** The server sends typed arrays as base64 (src/room/protocol.ts): back to typed arrays, without a copy more. */
function bytes(b64: string): ArrayBuffer {
  const text = atob(b64);
  // A fresh buffer: aligned for any element size.
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out.buffer;
}

export const f64 = (b64: string) => new Float64Array(bytes(b64));
export const f32 = (b64: string) => new Float32Array(bytes(b64));
export const i32 = (b64: string) => new Int32Array(bytes(b64));
export const u8 = (b64: string) => new Uint8Array(bytes(b64));
