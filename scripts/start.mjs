// `npm start`: Vite's dev server in this process, so that stopping `npm start` stops the server too.
// npm runs the script as `exec node scripts/start.mjs`: the shell is replaced, this process is npm's child,
// and npm's SIGTERM or SIGINT reaches it. If npm itself is killed without passing anything on (kill -9),
// the parent changes: the server stops then as well. Nothing of Vite is left serving.
import { createServer } from 'vite';

const server = await createServer();
await server.listen();
server.printUrls();
server.bindCLIShortcuts({ print: true });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 500);
