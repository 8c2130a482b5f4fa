import '@testing-library/jest-dom';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { templateRouteRef } from '../../routes';
import { nodeTemplate } from '../../__testUtils__';
import { GoldenPathTemplatesCard } from './GoldenPathTemplatesCard';

function renderCard(mountedRoutes: Record<string, any>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[catalogApiRef, catalogApiMock({ entities: [nodeTemplate] })]]}
    >
      <GoldenPathTemplatesCard
        templates={[
          'template:default/node-http-service',
          'template:default/not-in-catalog',
        ]}
      />
    </TestApiProvider>,
    { mountedRoutes },
  );
}

describe('GoldenPathTemplatesCard', () => {
  it('links each template and starts it in the scaffolder', async () => {
    await renderCard({
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/create/templates/:namespace/:templateName': templateRouteRef,
    });
    expect(
      await screen.findByRole('link', { name: 'Node.js HTTP service' }),
    ).toHaveAttribute('href', '/catalog/default/template/node-http-service');
    expect(screen.getByText('Creates a Fastify service.')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start Node.js HTTP service' }),
    ).toHaveAttribute('href', '/create/templates/default/node-http-service');
    expect(
      screen.getByRole('button', { name: 'Start not-in-catalog' }),
    ).toHaveAttribute('href', '/create/templates/default/not-in-catalog');
  });

  it('hides Start when the app binds no scaffolder route', async () => {
    await renderCard({ '/catalog/:namespace/:kind/:name': entityRouteRef });
    expect(
      await screen.findByRole('link', { name: 'Node.js HTTP service' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Start/ })).toBeNull();
  });
});
