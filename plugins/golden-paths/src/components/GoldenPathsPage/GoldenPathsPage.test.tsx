import '@testing-library/jest-dom';
import { ResponseError } from '@backstage/errors';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  GoldenPathEntityV1alpha1,
  GoldenPathsApi,
  PathSummary,
} from '@golden-paths/golden-paths-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router-dom';
import { goldenPathsApiRef } from '../../api';
import { rootRouteRef, templateRouteRef } from '../../routes';
import {
  examplePaths,
  nodeHttpService,
  nodeHttpServiceLegacy,
  pythonDataPipeline,
  summaryOf,
} from '../GoldenPathCard/testData';
import { GoldenPathsPage } from './GoldenPathsPage';

const mountedRoutes = {
  '/golden-paths': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/create/templates/:namespace/:templateName': templateRouteRef,
};

const summaries = [
  summaryOf(nodeHttpService, { adoption: 12, compliant: 10 }),
  summaryOf(pythonDataPipeline, { adoption: 30, compliant: 15 }),
  summaryOf(nodeHttpServiceLegacy, { adoption: 4, compliant: 0 }),
];

function goldenPathsApi(
  listPaths: GoldenPathsApi['listPaths'],
): Partial<GoldenPathsApi> {
  return { listPaths };
}

// The pointer-events check reads computed styles up the tree on every event,
// which is slow with MUI's style sheets in jsdom.
const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

function LocationProbe() {
  const { search } = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <div data-testid="location">{search}</div>
      <button onClick={() => navigate(-1)}>Browser back</button>
    </>
  );
}

async function renderPage(options: {
  entities?: GoldenPathEntityV1alpha1[];
  summaries?: PathSummary[];
  insightsError?: Error;
  catalog?: ReturnType<typeof catalogApiMock.mock>;
  search?: string;
}) {
  const listPaths = jest.fn(async () => {
    if (options.insightsError) {
      throw options.insightsError;
    }
    return { items: options.summaries ?? [] };
  });
  const catalog =
    options.catalog ?? catalogApiMock({ entities: options.entities ?? [] });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalog],
        [goldenPathsApiRef, goldenPathsApi(listPaths)],
      ]}
    >
      <GoldenPathsPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      mountedRoutes,
      routeEntries: [`/golden-paths${options.search ?? ''}`],
    },
  );
  return { listPaths };
}

// By test id rather than role: role queries get slow with hundreds of cards.
function cardTitles(): string[] {
  return screen
    .queryAllByTestId('golden-path-card')
    .map(card => card.querySelector('h3')?.textContent ?? '');
}

function location(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

async function choose(selectLabel: RegExp, option: RegExp) {
  await user.click(screen.getByRole('button', { name: selectLabel }));
  const listbox = await screen.findByRole('listbox');
  await user.click(within(listbox).getByRole('option', { name: option }));
  await user.keyboard('{Escape}');
}

describe('GoldenPathsPage', () => {
  it('lists every path with its figures', async () => {
    await renderPage({ entities: examplePaths, summaries });

    expect(
      await screen.findByRole('heading', { name: 'Golden Paths' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('3 paths');
    // Most followed first by default.
    expect(cardTitles()).toEqual([
      'Python data pipeline with Dagster',
      'Node.js HTTP service on Kubernetes',
      'Node.js Express service (legacy)',
    ]);
    expect(
      screen.getByText('12 components · 10 compliant'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('30 components · 15 compliant'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Write a golden path' }),
    ).toHaveAttribute('href', '/golden-paths/editor');
    expect(
      screen.queryByText('Adoption and compliance figures are unavailable'),
    ).not.toBeInTheDocument();
  });

  it('links a deprecated path to its replacement by title', async () => {
    await renderPage({ entities: examplePaths, summaries });
    const legacy = (await screen.findAllByTestId('golden-path-card')).find(
      card => within(card).queryByText(/^Deprecated/),
    )!;
    expect(
      within(legacy).getByRole('link', {
        name: 'Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
    expect(within(legacy).queryByText('Start')).not.toBeInTheDocument();
  });

  it('starts a path in the scaffolder', async () => {
    await renderPage({ entities: examplePaths, summaries });
    expect(
      await screen.findByRole('button', {
        name: 'Start Python data pipeline with Dagster',
      }),
    ).toHaveAttribute('href', '/create/templates/default/python-data-pipeline');
  });

  it('narrows by search on title, tags and stack', async () => {
    await renderPage({ entities: examplePaths, summaries });
    const search = await screen.findByRole('searchbox', { name: 'Search' });

    await user.type(search, 'FASTIFY');
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Node.js HTTP service on Kubernetes']),
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 paths');
    expect(location().get('q')).toBe('FASTIFY');

    await user.clear(search);
    await user.type(search, 'dagster');
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Python data pipeline with Dagster']),
    );

    await user.clear(search);
    await user.type(search, 'legacy jenkins');
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Node.js Express service (legacy)']),
    );
  });

  it('narrows by a filter and keeps it in the URL', async () => {
    await renderPage({ entities: examplePaths, summaries });
    await screen.findByRole('status');

    await choose(/Category/, /^data \(1\)$/);
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Python data pipeline with Dagster']),
    );
    expect(location().getAll('category')).toEqual(['data']);

    await choose(/Category/, /^service \(2\)$/);
    await waitFor(() => expect(cardTitles()).toHaveLength(3));
    expect(location().getAll('category')).toEqual(['data', 'service']);
  });

  it('goes back to the previous view', async () => {
    await renderPage({ entities: examplePaths, summaries });
    await screen.findByRole('status');
    await choose(/Lifecycle/, /^deprecated \(1\)$/);
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Node.js Express service (legacy)']),
    );

    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() => expect(cardTitles()).toHaveLength(3));
    expect(location().getAll('lifecycle')).toEqual([]);
    expect(screen.getByRole('button', { name: /Lifecycle/ })).toHaveTextContent(
      'All',
    );
  });

  it('requires every selected guarantee', async () => {
    await renderPage({ entities: examplePaths, summaries });
    await screen.findByRole('status');
    await choose(/Guarantees/, /^Autoscaling/);
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Node.js HTTP service on Kubernetes']),
    );
    expect(location().getAll('guarantee')).toEqual(['autoscaling']);
  });

  it('reproduces a view from its link', async () => {
    await renderPage({
      entities: examplePaths,
      summaries,
      search: '?lifecycle=supported&owner=group:default/platform-team',
    });
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Node.js HTTP service on Kubernetes']),
    );
    expect(screen.getByRole('button', { name: /Lifecycle/ })).toHaveTextContent(
      'supported',
    );
    expect(screen.getByRole('button', { name: /Owner/ })).toHaveTextContent(
      'platform-team',
    );
  });

  it('sorts by adoption, compliance and name', async () => {
    await renderPage({ entities: examplePaths, summaries });
    await screen.findByRole('status');

    await choose(/Sort by/, /^Name$/);
    await waitFor(() =>
      expect(cardTitles()).toEqual([
        'Node.js Express service (legacy)',
        'Node.js HTTP service on Kubernetes',
        'Python data pipeline with Dagster',
      ]),
    );
    expect(location().get('sort')).toBe('name');

    await choose(/Sort by/, /^Most compliant$/);
    await waitFor(() =>
      expect(cardTitles()).toEqual([
        'Node.js HTTP service on Kubernetes',
        'Python data pipeline with Dagster',
        'Node.js Express service (legacy)',
      ]),
    );

    await choose(/Sort by/, /^Most followed$/);
    await waitFor(() =>
      expect(cardTitles()).toEqual([
        'Python data pipeline with Dagster',
        'Node.js HTTP service on Kubernetes',
        'Node.js Express service (legacy)',
      ]),
    );
  });

  it('says when no path matches and clears the filters', async () => {
    await renderPage({
      entities: examplePaths,
      summaries,
      search: '?q=haskell&sort=name',
    });
    expect(
      await screen.findByText('No path matches these filters'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 of 3 paths');

    const [clear] = screen
      .getAllByRole('button', { name: 'Clear filters' })
      .filter(b => !b.hasAttribute('disabled'))
      .slice(-1);
    await user.click(clear);
    await waitFor(() => expect(cardTitles()).toHaveLength(3));
    expect(location().get('q')).toBeNull();
    expect(location().get('sort')).toBe('name');
  });

  it('lists the paths without figures when the backend refuses', async () => {
    await renderPage({
      entities: examplePaths,
      insightsError: new Error('Request failed with 503 Service Unavailable'),
      search: '?sort=adoption',
    });

    expect(
      await screen.findByText(
        /Adoption and compliance figures are unavailable/,
      ),
    ).toBeInTheDocument();
    expect(cardTitles()).toEqual([
      'Node.js Express service (legacy)',
      'Node.js HTTP service on Kubernetes',
      'Python data pipeline with Dagster',
    ]);
    expect(screen.queryByText(/components ·/)).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('explains a missing backend', async () => {
    const response = new Response('{}', {
      status: 404,
      statusText: 'Not Found',
    });
    await renderPage({
      entities: examplePaths,
      insightsError: await ResponseError.fromResponse(response),
    });
    expect(
      await screen.findByText(
        /Adoption and compliance figures are unavailable/,
      ),
    ).toBeInTheDocument();
    await user.click(
      screen.getByText(/Adoption and compliance figures are unavailable/),
    );
    expect(
      screen.getByText(/The Golden Paths backend is not installed/),
    ).toBeInTheDocument();
  });

  it('shows the catalog error with a retry', async () => {
    const getEntities = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog is down'))
      .mockResolvedValue({ items: examplePaths });
    await renderPage({
      catalog: catalogApiMock.mock({ getEntities }),
      summaries,
    });

    expect(
      await screen.findByText(
        /Could not read the golden paths from the catalog/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/catalog is down/).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(cardTitles()).toHaveLength(3));
  });

  it('shows an empty state with the editor link without paths', async () => {
    await renderPage({ entities: [] });
    expect(await screen.findByText('No golden paths yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'How to write a GoldenPath' }),
    ).toHaveAttribute('href', '/golden-paths/editor');
  });

  it('renders 500 paths and searches them', async () => {
    const many = Array.from({ length: 500 }, (_, i) => {
      const name = `service-${String(i).padStart(3, '0')}`;
      const base = i % 2 ? nodeHttpService : pythonDataPipeline;
      return {
        ...base,
        metadata: { ...base.metadata, name, title: `Path ${name}` },
      };
    });
    const manySummaries = many.map((entity, i) =>
      summaryOf(entity, { adoption: i, compliant: Math.floor(i / 2) }),
    );
    await renderPage({ entities: many, summaries: manySummaries });

    expect(await screen.findByRole('status')).toHaveTextContent('500 paths');
    // The first page of cards, the most followed first.
    expect(cardTitles()).toHaveLength(48);
    expect(cardTitles()[0]).toBe('Path service-499');
    fireEvent.click(screen.getByText('Show 48 more of 452'));
    expect(cardTitles()).toHaveLength(96);

    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'service-042' },
    });
    await waitFor(() => expect(cardTitles()).toEqual(['Path service-042']));
    expect(screen.getByRole('status')).toHaveTextContent('1 of 500 paths');
  }, 60_000);
});
