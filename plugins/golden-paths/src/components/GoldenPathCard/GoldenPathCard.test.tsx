import '@testing-library/jest-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import { screen, within } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { GoldenPathCard } from './GoldenPathCard';
import {
  nodeHttpService,
  nodeHttpServiceLegacy,
  summaryOf,
  mountedRoutes,
} from '../../__testUtils__';

describe('GoldenPathCard', () => {
  it('shows the path with its owner, stack, guarantees and figures', async () => {
    await renderInTestApp(
      <GoldenPathCard
        entity={nodeHttpService}
        summary={summaryOf(nodeHttpService, { adoption: 12, compliant: 10 })}
      />,
      { mountedRoutes },
    );

    expect(
      screen.getByRole('link', { name: 'Node.js HTTP service on Kubernetes' }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
    expect(screen.getByText('service · v2.1.0')).toBeInTheDocument();
    expect(screen.getByTestId('lifecycle-chip')).toHaveTextContent('supported');
    expect(
      screen.getByText(/Fastify service in TypeScript/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'platform-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );

    const stack = screen.getByRole('list', { name: 'Stack' });
    const stackItems = within(stack).getAllByRole('listitem');
    expect(stackItems.map(i => i.textContent)).toEqual([
      'TypeScript',
      'Node.js 22',
      'Fastify 5',
      'GitHub Actions',
      'Argo CD',
      'OpenTelemetry',
      'Distroless container image',
    ]);
    expect(stackItems[0]).toHaveAttribute('title', 'language: TypeScript');

    expect(
      screen.getByRole('img', { name: 'Signed images' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('guarantee-icons')).getAllByRole('img'),
    ).toHaveLength(9);

    expect(
      screen.getByText('12 components · 10 compliant'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'Compliance of Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('aria-valuetext', '83%');
  });

  it('starts the first template in the scaffolder', async () => {
    await renderInTestApp(
      <GoldenPathCard
        entity={{
          ...nodeHttpService,
          spec: {
            ...nodeHttpService.spec,
            templates: [
              'template:platform/node-http-service',
              'template:default/other',
            ],
          },
        }}
      />,
      { mountedRoutes },
    );
    expect(
      // MUI gives link buttons the button role, as LinkButton does.
      screen.getByRole('button', {
        name: 'Start Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('href', '/create/templates/platform/node-http-service');
  });

  it('has no Start button when the template route is not bound', async () => {
    await renderInTestApp(<GoldenPathCard entity={nodeHttpService} />, {
      mountedRoutes: {
        '/golden-paths': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    });
    expect(
      screen.getByRole('link', { name: 'Node.js HTTP service on Kubernetes' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Start')).not.toBeInTheDocument();
  });

  it('marks a deprecated path and links to its replacement', async () => {
    await renderInTestApp(
      <GoldenPathCard
        entity={nodeHttpServiceLegacy}
        replacementTitle="Node.js HTTP service on Kubernetes"
      />,
      { mountedRoutes },
    );
    expect(screen.getByTestId('lifecycle-chip')).toHaveTextContent(
      'deprecated',
    );
    expect(screen.getByText(/^Deprecated/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Node.js HTTP service on Kubernetes' }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
    expect(screen.queryByText('Start')).not.toBeInTheDocument();
  });

  it('names the replacement by its ref without a title', async () => {
    await renderInTestApp(<GoldenPathCard entity={nodeHttpServiceLegacy} />, {
      mountedRoutes,
    });
    expect(
      screen.getByRole('link', { name: 'node-http-service' }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
  });

  it('shows the note instead of figures without a summary', async () => {
    await renderInTestApp(
      <GoldenPathCard
        entity={nodeHttpService}
        insightsNote="Figures appear once the path is in the catalog."
      />,
      { mountedRoutes },
    );
    expect(
      screen.getByText('Figures appear once the path is in the catalog.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says so when nobody follows the path yet', async () => {
    await renderInTestApp(
      <GoldenPathCard
        entity={nodeHttpService}
        summary={summaryOf(nodeHttpService, { adoption: 0, compliant: 0 })}
      />,
      { mountedRoutes },
    );
    expect(
      screen.getByText('No component follows this path yet'),
    ).toBeInTheDocument();
  });

  it('renders a partial entity being typed in the editor', async () => {
    const partial = {
      apiVersion: 'golden-paths.dev/v1alpha1',
      kind: 'GoldenPath',
      metadata: { title: 42 },
      spec: {
        owner: 'group:',
        stack: 'TypeScript',
        guarantees: 'owner',
        templates: [{}],
        replacedBy: ['x'],
      },
    } as unknown as GoldenPathEntityV1alpha1;
    await renderInTestApp(<GoldenPathCard entity={partial} />, {
      mountedRoutes,
    });
    expect(screen.getByRole('heading', { name: '42' })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('renders an entity without metadata or spec', async () => {
    await renderInTestApp(
      <GoldenPathCard entity={{} as GoldenPathEntityV1alpha1} />,
      { mountedRoutes },
    );
    expect(
      screen.getByRole('heading', { name: 'Untitled golden path' }),
    ).toBeInTheDocument();
  });
});
