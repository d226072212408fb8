// Make the CLI entry point executable after tsc writes it (npm links bins, but `node dist/...` users and
// a plain `./dist/cli/main.js` need the mode bit too).
import { chmodSync, existsSync } from 'node:fs';
const bin = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
