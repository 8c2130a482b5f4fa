import '@testing-library/jest-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  GoldenPathsApi,
  HistoryResponse,
} from '@golden-paths/golden-paths-common';
import { screen } from '@testing-library/react';
import { goldenPathsApiRef } from '../../api';
import { history } from '../../__testUtils__';
import { GoldenPathHistoryCard } from './GoldenPathHistoryCard';

function renderCard(getHistory: () => Promise<HistoryResponse>) {
  const api = { getHistory: jest.fn(getHistory) };
  return renderInTestApp(
    <TestApiProvider
      apis={[[goldenPathsApiRef, api as unknown as GoldenPathsApi]]}
    >
      <GoldenPathHistoryCard pathRef="goldenpath:default/node-http-service" />
    </TestApiProvider>,
  );
}

describe('GoldenPathHistoryCard', () => {
  it('charts the history', async () => {
    await renderCard(async () => ({ items: history }));
    expect(await screen.findAllByTestId('history-point-adoption')).toHaveLength(
      3,
    );
    expect(
      screen.queryByText(/counts only the components you may see/),
    ).not.toBeInTheDocument();
  });

  it('says when history counts only what the user may see', async () => {
    await renderCard(async () => ({
      items: history,
      restricted: true,
    }));
    expect(
      await screen.findByText(
        /each day counts only the components you may see/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('history-point-adoption')).toHaveLength(3);
  });

  it('says when there is no history yet', async () => {
    await renderCard(async () => ({ items: [] }));
    expect(await screen.findByText(/No history yet/)).toBeInTheDocument();
  });

  it('shows an error', async () => {
    await renderCard(async () => {
      throw new Error('history exploded');
    });
    expect(
      await screen.findByText(/Could not load history/),
    ).toBeInTheDocument();
  });
});
