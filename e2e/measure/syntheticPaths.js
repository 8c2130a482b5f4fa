/*
 * The synthetic GoldenPath entities of the render measurement: as varied as
 * the examples, so the page renders cards like those of real paths.
 */
'use strict';

const CATEGORIES = [
  'service',
  'data',
  'ml',
  'frontend',
  'network-function',
  'library',
];
const LIFECYCLES = ['supported', 'supported', 'supported', 'beta'];
const GUARANTEES = [
  'owner',
  'ci',
  'sbom',
  'image-signing',
  'vulnerability-scan',
  'resource-requests',
  'autoscaling',
  'observability',
  'cost-labels',
];
const STACKS = [
  { language: 'TypeScript', runtime: 'Node.js 22', framework: 'Fastify' },
  { language: 'Python', runtime: 'Python 3.12', framework: 'Dagster' },
  { language: 'Scala', runtime: 'Spark 3.5', framework: 'Spark Operator' },
  { language: 'Go', runtime: 'Go 1.23', framework: 'net/http' },
  { language: 'TypeScript', runtime: 'Browser', framework: 'React 18' },
];

/**
 * A multi-document YAML file of `count` GoldenPaths, as varied as the
 * examples: every category, lifecycle, several stacks, 3 to 9 guarantees,
 * a few steps each.
 *
 * @param {number} count
 * @returns {string}
 */
function syntheticPaths(count) {
  const docs = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const stack = STACKS[i % STACKS.length];
    const guarantees = GUARANTEES.slice(0, 3 + (i % 7));
    docs.push(
      [
        'apiVersion: golden-paths.dev/v1alpha1',
        'kind: GoldenPath',
        'metadata:',
        `  name: measure-path-${n}`,
        `  title: Measured path ${n} (${stack.framework})`,
        `  description: Synthetic golden path ${n} for the render measurement, a ${stack.framework} workload on Kubernetes with signed images and autoscaling.`,
        `  tags: [measure, ${stack.language
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')}, kubernetes]`,
        'spec:',
        `  owner: group:default/${i % 2 ? 'platform-team' : 'payments-team'}`,
        `  lifecycle: ${LIFECYCLES[i % LIFECYCLES.length]}`,
        `  category: ${CATEGORIES[i % CATEGORIES.length]}`,
        `  version: ${1 + (i % 3)}.${i % 10}.0`,
        '  templates: [template:default/node-http-service]',
        '  stack:',
        ...Object.entries({
          ...stack,
          ci: 'GitHub Actions',
          deploy: 'Argo CD',
        }).map(([k, v]) => `    ${k}: ${v}`),
        `  guarantees: [${guarantees.join(', ')}]`,
        '  steps:',
        '    - title: Scaffold the service',
        '      description: Open the template and fill in the form.',
        '    - title: Ship it',
        '      description: Merge to main; CI signs and deploys the image.',
      ].join('\n'),
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

module.exports = { syntheticPaths };
