/**
 * Terminal output (issue 11, finding 7): escape codes in a scenario's name were printed raw by
 * `run --summary` and `compare` (a shared file could retitle the terminal, clear the screen, recolour
 * output). Now every control character from a file is shown as its escape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oneLine, visible, visibleQr } from '../cli/terminal.ts';
import { qrTerminal } from '../server/address.ts';
import { cli } from './sweep-helpers.ts';

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NAME = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\r\u202eevil\u0085';
let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-terminal-'));
  writeFileSync(
    path('evil.json'),
    JSON.stringify({
      name: NAME,
      description: `${NAME}. More.`,
      organization: { employees: 50 },
      external: { customers: 10 },
      ticks: 10,
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('visible and oneLine', () => {
  it('show control characters as escapes, keep the rest', () => {
    expect(visible('a\u001b[2Jb\nc\td')).toBe('a\\u001b[2Jb\nc\\u0009d');
    expect(oneLine('a\nb\rc')).toBe('a\\u000ab\\u000dc');
    expect(visible('\u202eevil')).toBe('\\u202eevil');
    expect(visible('déjà vu, 100 €, 日本')).toBe('déjà vu, 100 €, 日本');
  });
});

describe('the QR code of orgsim serve', () => {
  it("keeps the renderer's own colour codes (dark on light), so that it prints as a code and not \
as escapes", async () => {
    const qr = await qrTerminal('http://192.168.1.20:8787/join#ABCD');
    expect(qr).toContain('\u001b[47m');
    expect(visibleQr(qr)).toBe(qr);
    expect(visibleQr(qr)).not.toContain('\\u001b');
    expect(visible(qr)).toContain('\\u001b[47m'); // what it printed before: 17 lines of escaped text
  });
  it('still escapes anything else that drives a terminal', () => {
    expect(visibleQr('\u001b[47m█\u001b]0;pwned\u0007\u001b[2J\u001b[0m')).toBe(
      '\u001b[47m█\\u001b]0;pwned\\u0007\\u001b[2J\u001b[0m',
    );
  });
});

describe('what the command line prints from a file', () => {
  it('run --summary shows the name escaped', async () => {
    const r = await cli(['run', path('evil.json'), '--summary']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mred\\u000d\\u202eevil\\u0085');
  });

  it('compare shows the names escaped', async () => {
    const r = await cli(['compare', path('evil.json'), path('evil.json'), '--runs', '2', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u001b]0;pwned');
  });

  it('validate shows the name escaped; an error quoting a bad key stays one line', async () => {
    const ok = await cli(['validate', path('evil.json')]);
    expect(ok.stdout).not.toMatch(RAW);
    writeFileSync(path('key.json'), JSON.stringify({ 'x\n\u001b[2Jy': 1 }));
    const bad = await cli(['validate', path('key.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('unknown field "x\\u000a\\u001b[2Jy"');
  });
});
