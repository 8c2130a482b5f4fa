import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Check that the form's choices keep every guarantee of the golden path, before anything is generated",
    example: stringify({
      steps: [
        {
          id: 'check',
          action: 'golden-paths:path:check',
          name: 'Check the golden path',
          input: {
            path: 'goldenpath:default/node-http-service',
            choices: {
              autoscaling: 'hpa',
              observability: 'opentelemetry',
              sbom: true,
              imageSigning: true,
              vulnerabilityScan: true,
              ci: true,
              costLabels: true,
              resourceRequests: true,
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Read a golden path by name to use its version and guarantees in later steps (${{ steps.check.output.version }})',
    example: stringify({
      steps: [
        {
          id: 'check',
          action: 'golden-paths:path:check',
          name: 'Read the golden path',
          input: {
            path: 'node-http-service',
          },
        },
      ],
    }),
  },
];
