import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import { examplePaths } from '../../__testUtils__';
import {
  cardTitles,
  choose,
  location,
  renderPage,
  summaries,
  user,
} from '../../__testUtils__/renderPathsPage';

describe('GoldenPathsPage filters', () => {
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
});
