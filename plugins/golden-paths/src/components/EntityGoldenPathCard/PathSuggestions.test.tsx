import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { component, renderCard } from '../../__testUtils__/renderEntityCard';

/** The titles of the paths the card suggests, once it lists them. */
async function suggestedTitles(): Promise<Array<string | null>> {
  const list = await screen.findByRole('list', {
    name: 'Golden paths that fit',
  });
  return within(list)
    .getAllByRole('link')
    .map(link => link.textContent);
}

describe('EntityGoldenPathCard for a component that follows no path', () => {
  it('suggests the paths of its type with a copyable adoption snippet', async () => {
    const api = await renderCard(component('currency-rates-cache', 'service'));
    const list = await screen.findByRole('list', {
      name: 'Golden paths that fit',
    });
    expect(api.getEntityResult).not.toHaveBeenCalled();
    expect(
      screen.getByText(/This component follows no golden path\./),
    ).toHaveTextContent('This one fits components of type “service”');

    // The deprecated legacy path is not suggested.
    const links = within(list).getAllByRole('link');
    expect(links.map(l => [l.textContent, l.getAttribute('href')])).toEqual([
      [
        'Node.js HTTP service on Kubernetes',
        '/golden-paths/default/node-http-service',
      ],
    ]);
    expect(list).toHaveTextContent(
      'Fastify service with OpenTelemetry. · version 2.1.0',
    );

    const toggle = screen.getByRole('button', {
      name: 'How to adopt Node.js HTTP service on Kubernetes',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const snippet = screen.getByTestId('adoption-snippet');
    await waitFor(() =>
      expect(snippet).toHaveTextContent(
        'metadata: annotations: golden-paths.dev/path: goldenpath:default/node-http-service golden-paths.dev/path-version: 2.1.0',
      ),
    );
    expect(
      within(snippet).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();

    // Keyboard: the toggle is a real button. (Focus updates its ripple
    // state, so in act.)
    act(() => toggle.focus());
    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() =>
      expect(screen.queryByTestId('adoption-snippet')).not.toBeInTheDocument(),
    );

    expect(
      screen.getByRole('link', { name: 'Browse all golden paths' }),
    ).toHaveAttribute('href', '/golden-paths');
  });

  it('matches by category and by the type its templates create', async () => {
    await renderCard(component('fraud-features', 'data-pipeline'));
    expect(await suggestedTitles()).toEqual([
      'Python data pipeline',
      'Spark job',
    ]);
    // Only the first is open; the second opens on demand.
    expect(screen.getAllByTestId('adoption-snippet')).toHaveLength(1);
    await userEvent.click(
      screen.getByRole('button', { name: 'How to adopt Spark job' }),
    );
    const snippets = screen.getAllByTestId('adoption-snippet');
    expect(snippets).toHaveLength(2);
    await waitFor(() =>
      expect(snippets[1]).toHaveTextContent(
        'golden-paths.dev/path: goldenpath:default/spark-job golden-paths.dev/path-version: 1.2.0',
      ),
    );
  });

  it('matches a type only a template knows', async () => {
    await renderCard(component('shop-edge', 'edge-site'));
    expect(await suggestedTitles()).toEqual(['React frontend']);
  });

  it('says when no path fits, with links to the Golden Paths and the editor', async () => {
    await renderCard(component('handbook', 'documentation'));
    expect(
      await screen.findByText(/none fits components of type “documentation”/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Browse all golden paths' }),
    ).toHaveAttribute('href', '/golden-paths');
    expect(
      screen.getByRole('link', { name: 'How to write a GoldenPath' }),
    ).toHaveAttribute('href', '/golden-paths/editor');
  });

  it('says when the component has no type', async () => {
    await renderCard(component('mystery', undefined));
    expect(
      await screen.findByText(/it has no spec.type to find a fitting one by/),
    ).toBeInTheDocument();
  });

  it('shows a catalog error and still links the Golden Paths', async () => {
    await renderCard(component('currency-rates-cache', 'service'), {
      catalogApi: catalogApiMock.mock({
        getEntities: jest.fn().mockRejectedValue(new Error('catalog down')),
      }),
    });
    expect(
      await screen.findByText(
        'Error: Could not load the golden paths to suggest one',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/catalog down/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Browse all golden paths' }),
    ).toBeInTheDocument();
  });
});
