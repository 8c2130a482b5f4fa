import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  GoldenPathEntityV1alpha1,
  GoldenPathsApi,
  PathSummary,
} from '@golden-paths/golden-paths-common';
import { screen, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  nodeHttpService,
  nodeHttpServiceLegacy,
  pythonDataPipeline,
  summaryOf,
} from './examplePaths';
import { mountedRoutes } from './mountedRoutes';
import { goldenPathsApiRef } from '../api';
import { GoldenPathsPage } from '../components/GoldenPathsPage/GoldenPathsPage';

/** Rendering and reading of the browse page's tests. */

/** The example paths' figures. */
export const summaries = [
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
export const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

/** Shows the page's query and a back button, as a browser would. */
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

/** The page over a catalog of paths and the backend's figures for them. */
export async function renderPage(options: {
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

/** The titles of the cards shown, in order. */
// By test id rather than role: role queries get slow with hundreds of cards.
export function cardTitles(): string[] {
  return screen
    .queryAllByTestId('golden-path-card')
    .map(card => card.querySelector('h3')?.textContent ?? '');
}

/** The page's query. */
export function location(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

/** Picks an option of a select. */
export async function choose(selectLabel: RegExp, option: RegExp) {
  await user.click(screen.getByRole('button', { name: selectLabel }));
  const listbox = await screen.findByRole('listbox');
  await user.click(within(listbox).getByRole('option', { name: option }));
  await user.keyboard('{Escape}');
}
