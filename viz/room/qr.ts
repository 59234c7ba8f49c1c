/** A QR code's modules (from the server: '0'/'1', row by row) drawn on a canvas, with its quiet zone. */
export function drawQr(canvas: HTMLCanvasElement, qr: { size: number; bits: string }): void {
  const quiet = 4;
  const n = qr.size + 2 * quiet;
  const css = canvas.clientWidth || 240;
  const dpr = Math.min(3, globalThis.devicePixelRatio || 1);
  // Whole device pixels per module: crisp edges, which phone cameras read best.
  const module = Math.max(1, Math.floor((css * dpr) / n));
  canvas.width = canvas.height = module * n;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++)
      if (qr.bits[y * qr.size + x] === '1') ctx.fillRect((x + quiet) * module, (y + quiet) * module, module, module);
  }
}
