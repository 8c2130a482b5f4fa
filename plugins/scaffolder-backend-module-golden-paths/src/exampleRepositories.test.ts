import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { parse, parseAllDocuments } from 'yaml';
import { EXAMPLES_DIR } from '@golden-paths/test-utils';
import { validateWithKubernetesModels } from './__testUtils__/kubernetesModels';
import { localRepositoryUrlReaderFactory } from '@golden-paths/golden-paths-node';

/**
 * The example repositories (examples/repositories) are what the portal's
 * Golden Paths checks read. These tests keep them valid, keep their
 * deliberate gaps as examples/repositories/README.md states them, and keep
 * them readable through the local URL reader the way app-config.yaml sets it
 * up.
 */

const REPOSITORIES_DIR = join(EXAMPLES_DIR, 'repositories');
const ROOT_DIR = resolve(EXAMPLES_DIR, '..');
const BACKEND_DIR = join(ROOT_DIR, 'packages', 'backend');

const EXPECTED = [
  'checkout-web',
  'fraud-feature-pipeline',
  'fraud-model-training',
  'ledger-exporter',
  'payments-admin-ui',
  'payments-api',
  'refund-service',
  'transaction-aggregates',
];

const readText = (...parts: string[]) =>
  readFileSync(join(REPOSITORIES_DIR, ...parts), 'utf8');

function yamlDocuments(file: string): any[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map(document => {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
    return document.toJS();
  });
}

interface Repository {
  name: string;
  entity: any;
  ci: string;
  objects: Array<{ file: string; object: any }>;
}

function readRepository(name: string): Repository {
  const dir = join(REPOSITORIES_DIR, name);
  const k8sDir = join(dir, 'k8s');
  return {
    name,
    entity: parse(readText(name, 'catalog-info.yaml')),
    ci: readText(name, '.github', 'workflows', 'ci.yaml'),
    objects: readdirSync(k8sDir)
      .filter(file => file.endsWith('.yaml'))
      .sort()
      .flatMap(file =>
        yamlDocuments(join(k8sDir, file)).map(object => ({ file, object })),
      ),
  };
}

/** Every pod template of a workload, as the cluster would create pods. */
function podTemplates(object: any): any[] {
  switch (object.kind) {
    case 'Deployment':
      return [object.spec.template];
    case 'CronJob':
      return [object.spec.jobTemplate.spec.template];
    case 'PyTorchJob':
      return Object.values<any>(object.spec.pytorchReplicaSpecs).map(
        replica => replica.template,
      );
    default:
      return [];
  }
}

function workloads(repository: Repository): any[] {
  return repository.objects
    .map(({ object }) => object)
    .filter(object =>
      ['Deployment', 'CronJob', 'PyTorchJob', 'SparkApplication'].includes(
        object.kind,
      ),
    );
}

/** Labels of the pods, SparkApplication driver and executor included. */
function podLabels(workload: any): Array<Record<string, string>> {
  if (workload.kind === 'SparkApplication') {
    return [workload.spec.driver.labels, workload.spec.executor.labels];
  }
  return podTemplates(workload).map(template => template.metadata.labels);
}

function containersHaveRequests(workload: any): boolean {
  if (workload.kind === 'SparkApplication') {
    return ['driver', 'executor'].every(
      role => workload.spec[role].cores && workload.spec[role].memory,
    );
  }
  return podTemplates(workload).every(template =>
    template.spec.containers.every(
      (container: any) =>
        container.resources?.requests?.cpu &&
        container.resources?.requests?.memory,
    ),
  );
}

const repositories = EXPECTED.map(readRepository);
const byName = (name: string) => repositories.find(r => r.name === name)!;

describe('the example repositories', () => {
  it('are the eight golden-path followers with a local repository, moved out of components.yaml', () => {
    const dirs = readdirSync(REPOSITORIES_DIR, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name)
      .sort();
    expect(dirs).toEqual(EXPECTED);

    const components = parseAllDocuments(
      readFileSync(join(EXAMPLES_DIR, 'components.yaml'), 'utf8'),
    ).map(document => document.toJS());
    const names = components.map(c => c.metadata.name);
    for (const name of EXPECTED) {
      expect(names).not.toContain(name);
    }
    const upf = components.find(c => c.metadata.name === 'upf-dataplane');
    expect(upf.metadata.annotations).toMatchObject({
      'golden-paths.dev/path': 'goldenpath:default/cnf-5g-network-function',
      'backstage.io/source-location': expect.stringMatching(
        /^url:https:\/\/github\.com\//,
      ),
    });
  });

  it.each(EXPECTED)(
    '%s has a catalog-info.yaml without source-location, read from its own directory',
    name => {
      const { entity } = byName(name);
      expect(entity).toMatchObject({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          annotations: {
            'golden-paths.dev/path': expect.stringMatching(/^goldenpath:/),
            'golden-paths.dev/path-version':
              expect.stringMatching(/^\d+\.\d+\.\d+$/),
          },
        },
      });
      expect(entity.metadata.annotations).not.toHaveProperty(
        'backstage.io/source-location',
      );
      expect(readText('README.md')).toContain(`| \`${name}\``);
    },
  );

  it.each(EXPECTED)(
    '%s has a CI workflow with jobs, and Kustomize lists every manifest',
    name => {
      const repository = byName(name);
      const workflow = parse(repository.ci);
      expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
      expect(repository.ci).toMatch(/npm test|pytest/);

      const kustomization = repository.objects.find(
        ({ object }) => object.kind === 'Kustomization',
      );
      const manifests = [
        ...new Set(
          repository.objects
            .filter(({ object }) => object.kind !== 'Kustomization')
            .map(({ file }) => file),
        ),
      ];
      // ledger-exporter's manifests were rendered from a Helm chart, without
      // Kustomize; every other repository applies k8s/ with kubectl -k.
      const listed = kustomization
        ? [...kustomization.object.resources].sort()
        : undefined;
      expect(listed).toEqual(
        name === 'ledger-exporter' ? undefined : manifests.sort(),
      );
      expect(existsSync(join(REPOSITORIES_DIR, name, 'Dockerfile'))).toBe(true);
    },
  );

  it('hold Kubernetes objects that the Kubernetes schemas accept', () => {
    const items: Array<{ model: string; data: unknown; where: string }> = [];
    for (const repository of repositories) {
      for (const { file, object } of repository.objects) {
        const where = `${repository.name}/k8s/${file}`;
        if (object.kind === 'PyTorchJob') {
          for (const template of podTemplates(object)) {
            items.push({ model: 'v1/PodTemplateSpec', data: template, where });
          }
        } else if (
          object.kind !== 'Kustomization' &&
          object.kind !== 'SparkApplication'
        ) {
          items.push({
            model: `${object.apiVersion}/${object.kind}`,
            data: object,
            where,
          });
        }
      }
    }
    const results = validateWithKubernetesModels(
      items.map(({ model, data }) => ({ model, data })),
    );
    expect(
      items
        .map((item, index) => [item.where, item.model, results[index]])
        .filter(([, , error]) => error !== null),
    ).toEqual([]);
  });

  describe('the deliberate gaps of examples/repositories/README.md', () => {
    const COMPLETE = [
      'payments-api',
      'payments-admin-ui',
      'fraud-feature-pipeline',
      'transaction-aggregates',
      'fraud-model-training',
    ];

    it.each(COMPLETE)(
      '%s has everything: SBOM, signing, scan, requests, cost labels, telemetry',
      name => {
        const repository = byName(name);
        expect(repository.ci).toContain('anchore/sbom-action');
        expect(repository.ci).toMatch(/cosign sign /);
        expect(repository.ci).toMatch(/cosign attest /);
        expect(repository.ci).toContain('aquasecurity/trivy-action');
        for (const workload of workloads(repository)) {
          expect(containersHaveRequests(workload)).toBe(true);
          for (const labels of podLabels(workload)) {
            expect(labels).toMatchObject({
              team: expect.any(String),
              'cost-center': expect.any(String),
              'golden-path': expect.any(String),
            });
          }
          expect(JSON.stringify(workload)).toContain('OTEL_SERVICE_NAME');
        }
      },
    );

    it.each(['payments-api', 'payments-admin-ui', 'checkout-web'])(
      '%s scales with an HPA',
      name => {
        expect(byName(name).objects.map(({ object }) => object.kind)).toContain(
          'HorizontalPodAutoscaler',
        );
      },
    );

    it('refund-service signs and scans but writes no SBOM, and has no HPA', () => {
      const repository = byName('refund-service');
      expect(repository.ci).not.toContain('anchore/sbom-action');
      expect(repository.ci).not.toMatch(/cosign attest|syft|--sbom/);
      expect(repository.ci).toMatch(/cosign sign /);
      expect(repository.ci).toContain('aquasecurity/trivy-action');
      expect(repository.objects.map(({ object }) => object.kind)).not.toContain(
        'HorizontalPodAutoscaler',
      );
      expect(
        existsSync(join(REPOSITORIES_DIR, 'refund-service/k8s/hpa.yaml')),
      ).toBe(false);
    });

    it('ledger-exporter signs nothing and requests no resources', () => {
      const repository = byName('ledger-exporter');
      expect(repository.ci).not.toMatch(/cosign|notation|docker trust/);
      const [deployment] = workloads(repository);
      expect(deployment.kind).toBe('Deployment');
      for (const container of deployment.spec.template.spec.containers) {
        expect(container.resources?.requests).toBeUndefined();
      }
    });

    it('checkout-web labels its Deployment but not its pods with cost-center', () => {
      const [deployment] = workloads(byName('checkout-web'));
      expect(deployment.metadata.labels).toHaveProperty('cost-center');
      expect(deployment.spec.template.metadata.labels).not.toHaveProperty(
        'cost-center',
      );
      expect(deployment.spec.template.metadata.labels).toHaveProperty('team');
    });

    it('fraud-model-training is owned by a User of the example catalog, not a Group', () => {
      const owner = byName('fraud-model-training').entity.spec.owner;
      expect(owner).toMatch(/^user:default\//);
      const users = parseAllDocuments(
        readFileSync(join(EXAMPLES_DIR, 'org.yaml'), 'utf8'),
      )
        .map(document => document.toJS())
        .filter(entity => entity.kind === 'User')
        .map(entity => `user:default/${entity.metadata.name}`);
      expect(users).toContain(owner);
    });
  });

  describe('in the portal', () => {
    const appConfig = parse(
      readFileSync(join(ROOT_DIR, 'app-config.yaml'), 'utf8'),
    );

    it('are registered with one glob location and served by the local URL reader', () => {
      expect(appConfig.catalog.locations).toContainEqual({
        type: 'file',
        target: '../../examples/repositories/*/catalog-info.yaml',
      });
      const directories: string[] =
        appConfig.goldenPaths.localRepositories.directories;
      expect(directories.map(dir => resolve(BACKEND_DIR, dir))).toContain(
        REPOSITORIES_DIR,
      );
    });

    it('can be read through the URL reader from the directory of their catalog location', async () => {
      // The backend runs in packages/backend, where the relative paths of
      // app-config.yaml start.
      const cwd = jest.spyOn(process, 'cwd').mockReturnValue(BACKEND_DIR);
      try {
        const reader = UrlReaders.create({
          config: new ConfigReader({ goldenPaths: appConfig.goldenPaths }),
          logger: mockServices.logger.mock(),
          factories: [localRepositoryUrlReaderFactory],
        });
        for (const name of EXPECTED) {
          // What the catalog records as backstage.io/managed-by-location for
          // a file location, turned into the repository's directory URL.
          const managedBy = `file:${join(
            REPOSITORIES_DIR,
            name,
            'catalog-info.yaml',
          )}`;
          const repositoryUrl = `${
            pathToFileURL(dirname(managedBy.slice('file:'.length))).href
          }/`;
          const tree = await reader.readTree(repositoryUrl);
          const paths = (await tree.files()).map(file => file.path);
          expect(paths).toEqual(
            expect.arrayContaining([
              'catalog-info.yaml',
              '.github/workflows/ci.yaml',
              'Dockerfile',
            ]),
          );
          expect(paths.filter(path => path.startsWith('k8s/')).sort()).toEqual(
            byName(name)
              .objects.map(({ file }) => `k8s/${file}`)
              .filter((file, index, all) => all.indexOf(file) === index),
          );
        }
      } finally {
        cwd.mockRestore();
      }
    });
  });
});
