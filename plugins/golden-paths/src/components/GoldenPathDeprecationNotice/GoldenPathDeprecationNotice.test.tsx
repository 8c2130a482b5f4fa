import '@testing-library/jest-dom';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { nodePath } from '../../__testUtils__';
import { GoldenPathDeprecationNotice } from './GoldenPathDeprecationNotice';

function renderNotice(replacedBy?: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[catalogApiRef, catalogApiMock({ entities: [nodePath] })]]}
    >
      <GoldenPathDeprecationNotice replacedBy={replacedBy} />
    </TestApiProvider>,
    { mountedRoutes: { '/golden-paths': rootRouteRef } },
  );
}

describe('GoldenPathDeprecationNotice', () => {
  it('links to the replacement by its title', async () => {
    await renderNotice('goldenpath:default/node-http-service');
    expect(
      await screen.findByRole('link', {
        name: 'Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
  });

  it('links by name when the replacement is not in the catalog', async () => {
    await renderNotice('goldenpath:default/gone');
    expect(screen.getByRole('link', { name: 'gone' })).toHaveAttribute(
      'href',
      '/golden-paths/default/gone',
    );
  });

  it('says when there is no replacement', async () => {
    await renderNotice();
    expect(screen.getByText(/names no replacement/)).toBeInTheDocument();
  });
});
