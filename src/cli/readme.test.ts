import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from './commands/index.js';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

/** The first fenced block after the set-up heading: the two commands a new user runs. */
function setupCommands(): string[] {
  const at = readme.indexOf('## Set-up');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  return (block?.[1] ?? '').split('\n').filter((l) => l.trim() !== '');
}

describe('README', () => {
  it('starts with two set-up commands: the main job on the samples, and the tests', () => {
    const [main, test, ...rest] = setupCommands();
    expect(rest).toEqual([]);
    expect(main).toMatch(/npx sitrep ingest examples\//);
    // The tests install exactly what package-lock.json pins: `npm ci` fails when the lock and package.json disagree.
    expect(test).toBe('npm ci && npm test');
  });

  it('is what CI runs', () => {
    const ci = readFileSync(new URL('.ci/run', root), 'utf8');
    const test = setupCommands()[1]!;
    expect(ci.split('\n').map((l) => l.trim())).toContain(test);
  });

  it('pins every dependency in package-lock.json at a version package.json allows (npm ci needs both to agree)', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Record<string, Record<string, string>>;
    const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }> };
    const top = lock.packages['']!;
    expect(top.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(top.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBeTruthy();
    }
  });

  it('describes every command and every one of its options', async () => {
    for (const entry of commands) {
      const c = await entry.load();
      expect(c.name).toBe(entry.name);
      expect(readme, c.name).toContain(`sitrep ${c.name}`);
      for (const opt of Object.keys(c.options)) expect(readme, `sitrep ${c.name} --${opt}`).toContain(`--${opt}`);
    }
  });

  it('links only to documents that exist', () => {
    for (const m of readme.matchAll(/\]\((docs\/[^)#]+)\)/g)) {
      expect(() => readFileSync(new URL(m[1]!, root)), m[1]).not.toThrow();
    }
  });
});
