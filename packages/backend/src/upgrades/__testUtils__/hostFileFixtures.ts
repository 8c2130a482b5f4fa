import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  SCAFFOLD_RECORD_PATH,
  stringifyScaffoldRecord,
} from '@golden-paths/golden-paths-node';
import { stringify } from 'yaml';
import { git } from './git';

/*
 * What templateHostFiles.test.ts plants on the host: another team's
 * template folder holding secrets, revision folders, templates that render
 * a path, and components whose repositories name those templates.
 */

/** Secrets in another team's template folder, never to be shown. */
export const SECRET_NOTES = 'SECRET-release-notes-5f1c';
export const SECRET_FILE = 'SECRET-skeleton-file-9a2e';

export async function put(path: string, content: string) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** A revision folder: its steps copy its skeleton, which says `text`. */
export async function putRevision(folder: string, text: string, notes: string) {
  await put(
    join(folder, 'template.yaml'),
    stringify({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'revision' },
      spec: {
        owner: 'group:default/platform-team',
        type: 'service',
        steps: [
          { id: 'fetch', action: 'fetch:plain', input: { url: './skeleton' } },
        ],
      },
    }),
  );
  await put(join(folder, 'skeleton/README.md'), `${text}\n`);
  await put(join(folder, 'RELEASE_NOTES.md'), `${notes}\n`);
}

/** A template that renders `goldenpath:default/evil-path` and logs the files. */
export const renderingTemplate = (
  name: string,
  annotations: Record<string, string>,
) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, annotations },
  spec: {
    owner: 'group:default/platform-team',
    type: 'service',
    parameters: [{ properties: { version: { type: 'string' } } }],
    steps: [
      {
        id: 'render',
        action: 'golden-paths:template:render',
        input: {
          path: 'goldenpath:default/evil-path',
          version: '${{ parameters.version }}',
          values: {},
        },
      },
      {
        id: 'show',
        action: 'debug:log',
        input: { listWorkspace: 'with-contents' },
      },
    ],
  },
});

/** A component on evil-path at 1.0.0 whose repository names `template`. */
export async function putFollower(
  repositories: string,
  name: string,
  template: string,
) {
  const directory = join(repositories, name);
  await put(join(directory, 'README.md'), `# ${name}\n`);
  await put(
    join(directory, SCAFFOLD_RECORD_PATH),
    stringifyScaffoldRecord({
      schemaVersion: 1,
      template: {
        entityRef: `template:default/${template}`,
        source: 'https://example.com/template.yaml',
        revision: {
          location: 'https://example.com/versions/1.0.0',
          contentHash: `sha256:${'0'.repeat(64)}`,
        },
      },
      path: {
        entityRef: 'goldenpath:default/evil-path',
        version: '1.0.0',
        guarantees: [],
      },
      values: {},
      context: {
        seed: 'seed-0123456789',
        scaffoldedAt: '2025-01-01T00:00:00Z',
      },
      files: [],
    }),
  );
  git(directory, 'init', '-q', '-b', 'main');
  git(directory, 'add', '-A');
  git(directory, 'commit', '-qm', 'Scaffolded');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'golden-paths.dev/path': 'goldenpath:default/evil-path',
        'golden-paths.dev/path-version': '1.0.0',
        'backstage.io/source-template': `template:default/${template}`,
        'backstage.io/source-location': `url:${pathToFileURL(
          directory,
        ).toString()}/`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}
