/**
 * Where phones find the room: this machine's address on the local network, and the QR code of the join
 * link (the terminal's, and the matrix the facilitator's page draws; never markup).
 */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/** The first IPv4 address of this machine on a local network (private ranges first), if any. */
export function lanAddress(): string | undefined {
  const all = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal);
  return (all.find((a) => PRIVATE.some((p) => p.test(a.address))) ?? all[0])?.address;
}

/** The QR code's modules, row by row, as '0' and '1' (size x size). */
export function qrMatrix(text: string): { size: number; bits: string } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, bits: Array.from(qr.modules.data, (b) => (b ? '1' : '0')).join('') };
}

/** The QR code drawn with block characters, for the terminal. */
export function qrTerminal(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
