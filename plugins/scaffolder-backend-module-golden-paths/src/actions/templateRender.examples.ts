import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Render the template's revision for the path's current version into the workspace, and record how in .golden-paths/scaffold.yaml",
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'golden-paths:template:render',
          name: "Render the template at the path's version",
          input: {
            path: '${{ steps.check.output.entityRef }}',
            version: '${{ steps.check.output.version }}',
            values: '${{ parameters }}',
          },
        },
      ],
    }),
  },
];
