import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Write catalog-info.yaml for a service that follows a golden path, with the annotations its guarantees imply',
    example: stringify({
      steps: [
        {
          id: 'catalog',
          action: 'golden-paths:catalog:write',
          name: 'Write catalog-info.yaml',
          input: {
            name: 'orders',
            title: 'Orders service',
            description: 'Takes and tracks customer orders.',
            owner: 'group:default/payments-team',
            system: 'system:default/payments',
            lifecycle: 'experimental',
            type: 'service',
            tags: ['nodejs', 'http'],
            path: 'goldenpath:default/node-http-service',
            pathVersion: '2.1.0',
            sourceTemplate: 'template:default/node-http-service',
            guarantees: [
              'owner',
              'ci',
              'sbom',
              'image-signing',
              'vulnerability-scan',
              'resource-requests',
              'autoscaling',
              'observability',
              'cost-labels',
            ],
            costCenter: 'cc-1234',
            image: 'ghcr.io/example-org/orders',
            sourceLocation: 'https://github.com/example-org/orders/tree/main/',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write the smallest catalog entry: name, owner, path and version; the template running the task is recorded as the source template',
    example: stringify({
      steps: [
        {
          id: 'catalog',
          action: 'golden-paths:catalog:write',
          name: 'Write catalog-info.yaml',
          input: {
            name: 'nightly-etl',
            owner: 'group:default/data-team',
            path: 'goldenpath:default/spark-batch-job',
            pathVersion: '1.0.0',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write the catalog entry into a subdirectory with extra annotations and links, for a monorepo',
    example: stringify({
      steps: [
        {
          id: 'catalog',
          action: 'golden-paths:catalog:write',
          name: 'Write services/billing/catalog-info.yaml',
          input: {
            name: 'billing',
            owner: 'group:default/payments-team',
            type: 'service',
            lifecycle: 'production',
            path: 'goldenpath:default/node-http-service',
            pathVersion: '2.1.0',
            guarantees: ['owner', 'observability'],
            annotations: {
              'backstage.io/techdocs-ref': 'dir:.',
            },
            links: [
              {
                url: 'https://grafana.example.com/d/billing',
                title: 'Dashboard',
                icon: 'dashboard',
              },
            ],
            targetPath: 'services/billing/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
