// After tsc: make the CLI entry point executable, and copy what tsc does not (SQL migrations), so that
// dist/ runs on its own.
import { chmodSync, cpSync, existsSync } from 'node:fs';
import { URL } from 'node:url';
const root = new URL('../', import.meta.url);
const bin = new URL('dist/cli/main.js', root);
if (existsSync(bin)) chmodSync(bin, 0o755);
const migrations = new URL('src/store/migrations', root);
if (existsSync(migrations)) cpSync(migrations, new URL('dist/store/migrations', root), { recursive: true });
