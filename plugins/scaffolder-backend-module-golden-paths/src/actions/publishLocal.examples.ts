import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the workspace as a local git repository and register its catalog-info.yaml in the catalog',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'golden-paths:publish:local',
          name: 'Publish to a local repository',
          input: {
            repoName: 'orders',
            description: 'Orders service',
          },
        },
        {
          id: 'register',
          action: 'catalog:register',
          name: 'Register in the catalog',
          input: {
            catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish only a subdirectory of the workspace, on a chosen branch, with a chosen author and message',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'golden-paths:publish:local',
          name: 'Publish to a local repository',
          input: {
            repoName: 'billing',
            sourcePath: 'service',
            defaultBranch: 'trunk',
            gitAuthorName: 'Platform Team',
            gitAuthorEmail: 'platform@example.com',
            gitCommitMessage:
              'Scaffold billing from the node-http-service path',
            catalogInfoPath: '/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
