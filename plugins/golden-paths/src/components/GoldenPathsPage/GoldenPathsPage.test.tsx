import '@testing-library/jest-dom';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  backendError,
  examplePaths,
  nodeHttpService,
  pythonDataPipeline,
  summaryOf,
} from '../../__testUtils__';
import {
  cardTitles,
  renderPage,
  summaries,
  user,
} from '../../__testUtils__/renderPathsPage';

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
    await renderPage({
      entities: examplePaths,
      insightsError: await backendError(404, 'Not Found', 'No such route'),
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

  // 500 cards of Material UI in jsdom: the slowest test here by far.
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
  }, 120_000);
});
