import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Upgrade a component to its golden path's current version on the branch golden-paths/upgrade-<path>",
    example: stringify({
      steps: [
        {
          id: 'upgrade',
          action: 'golden-paths:upgrade',
          name: 'Upgrade to the golden path’s current version',
          input: { component: 'component:default/orders-api' },
        },
      ],
    }),
  },
  {
    description: 'Only plan the upgrade: report every file, write nothing',
    example: stringify({
      steps: [
        {
          id: 'plan',
          action: 'golden-paths:upgrade',
          name: 'Plan the upgrade',
          input: { component: '${{ parameters.component }}', planOnly: true },
        },
      ],
    }),
  },
];
