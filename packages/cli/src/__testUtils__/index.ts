import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommandIo } from '../commands/io';

/** A CommandIo that records what a command writes. */
export function captureIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    cwd,
    stdout: text => out.push(text),
    stderr: text => err.push(text),
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/**
 * A temporary directory for fixture files, removed by `cleanup`. Plain
 * fs.mkdtemp: @backstage/backend-test-utils is not a dependency of this
 * package, and its createMockDirectory would pull a backend into CLI tests.
 */
export async function createTempDir() {
  const root = await mkdtemp(join(tmpdir(), 'golden-paths-cli-'));
  return {
    path: root,
    resolve: (...parts: string[]) => join(root, ...parts),
    async write(files: Record<string, string | Buffer>) {
      for (const [name, content] of Object.entries(files)) {
        const file = join(root, name);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, content);
      }
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The YAML of a valid Component, optionally with a different name. */
export function componentYaml(name = 'artist-web'): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  type: website',
    '  lifecycle: production',
    '  owner: group:default/team-a',
    '',
  ].join('\n');
}
