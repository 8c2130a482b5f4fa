import '@testing-library/jest-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { GoldenPathLink } from './GoldenPathLink';

describe('GoldenPathLink', () => {
  it("links to the path's page on the Golden Paths page", async () => {
    await renderInTestApp(
      <GoldenPathLink pathRef="goldenpath:default/node-http-service" />,
      {
        mountedRoutes: {
          '/golden-paths': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(
      screen.getByRole('link', { name: 'node-http-service' }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
  });

  it('falls back to the catalog when the Golden Paths page is not mounted', async () => {
    await renderInTestApp(
      <GoldenPathLink pathRef="goldenpath:team-x/spark-job">
        Spark job
      </GoldenPathLink>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(screen.getByRole('link', { name: 'Spark job' })).toHaveAttribute(
      'href',
      '/catalog/team-x/goldenpath/spark-job',
    );
  });

  it('shows text when nothing can be linked', async () => {
    await renderInTestApp(<GoldenPathLink pathRef="goldenpath:default/x" />);
    expect(screen.getByText('x')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
