import {
  appendFile,
  mkdir,
  readFile,
  readdir,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Entity } from '@backstage/catalog-model';

const FIXTURE = join(
  __dirname,
  '../src/services/checks/__fixtures__/node-http-service',
);

/** Files a real service repository holds besides what the checks read. */
const OTHER_FILES: Record<string, string> = {
  'README.md': `# NAME\n\nA Fastify service on the node-http-service golden path.\n\n${'Run `npm ci && npm run dev`, then open http://localhost:3000/healthz.\n'.repeat(
    8,
  )}`,
  'package.json': `${JSON.stringify(
    {
      name: 'NAME',
      private: true,
      scripts: { dev: 'tsx watch src/server.ts', test: 'node --test' },
      dependencies: { fastify: '^5.0.0', '@opentelemetry/api': '^1.9.0' },
    },
    null,
    2,
  )}\n`,
  Dockerfile:
    'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY --from=build /app/dist /app\nCMD ["/app/server.js"]\n',
  'src/app.ts': `import Fastify from 'fastify';\n\nexport function buildApp() {\n  const app = Fastify({ logger: true });\n  app.get('/healthz', async () => ({ ok: true }));\n  return app;\n}\n`,
  'src/server.ts': `import { buildApp } from './app';\n\nconst app = buildApp();\napp.listen({ port: 3000, host: '0.0.0.0' });\nprocess.on('SIGTERM', () => app.close());\n`,
  'docs/index.md': '# NAME\n\nOperations notes.\n',
};

async function filesOf(directory: string): Promise<string[]> {
  const entries = await readdir(directory, {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter(entry => entry.isFile())
    .map(entry => relative(directory, join(entry.parentPath, entry.name)));
}

export function repositoryName(index: number): string {
  return `repo-${String(index).padStart(3, '0')}`;
}

/**
 * Writes `count` repositories made from the node-http-service template's
 * real output, renamed, with some guarantees broken on purpose: every 5th
 * has no HPA, every 7th no cost-center label, every 11th no CI workflow,
 * every 13th no CPU request.
 */
export async function createRepositories(
  directory: string,
  count: number,
): Promise<{ filesPerRepository: number }> {
  const fixture = new Map<string, string>();
  for (const file of await filesOf(FIXTURE)) {
    fixture.set(file, await readFile(join(FIXTURE, file), 'utf8'));
  }
  for (let i = 0; i < count; i++) {
    const name = repositoryName(i);
    const files = new Map([...fixture, ...Object.entries(OTHER_FILES)]);
    if (i % 5 === 1) files.delete('k8s/hpa.yaml');
    if (i % 11 === 3) files.delete('.github/workflows/ci.yaml');
    for (const [path, content] of files) {
      let text = content.replaceAll('dry-node-http-service', name);
      text = text.replaceAll('NAME', name);
      if (i % 7 === 2) text = text.replace(/^.*cost-center.*\n/gm, '');
      if (i % 13 === 4) text = text.replace(/^\s*cpu: 100m\n/gm, '');
      const target = join(directory, name, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  return { filesPerRepository: fixture.size + Object.keys(OTHER_FILES).length };
}

/** Changes one manifest of each repository, so its ETag changes. */
export async function changeRepositories(
  directory: string,
  indexes: number[],
): Promise<void> {
  for (const i of indexes) {
    await appendFile(
      join(directory, repositoryName(i), 'k8s/deployment.yaml'),
      `# changed by the benchmark at ${new Date().toISOString()}\n`,
    );
  }
}

/** The components of the repositories, registered as scaffolded. */
export function repositoryComponents(
  directory: string,
  count: number,
  owners: string[],
): Entity[] {
  return Array.from({ length: count }, (_, i) => {
    const name = repositoryName(i);
    const url = `${pathToFileURL(join(directory, name)).href}/`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        annotations: {
          'backstage.io/managed-by-location': `url:${url}catalog-info.yaml`,
          'backstage.io/managed-by-origin-location': `url:${url}catalog-info.yaml`,
          'backstage.io/source-location': `url:${url}`,
          'golden-paths.dev/path': 'goldenpath:default/node-http-service',
          'golden-paths.dev/path-version': i % 4 === 0 ? '2.0.3' : '2.1.0',
          'backstage.io/source-template': 'template:default/node-http-service',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: owners[i % owners.length],
      },
    };
  });
}
