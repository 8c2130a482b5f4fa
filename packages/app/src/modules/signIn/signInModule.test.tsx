import { createApp } from '@backstage/frontend-defaults';
import { render, screen } from '@testing-library/react';
import { signInModule } from './signInModule';

jest.setTimeout(30_000);

const env = process.env;

/**
 * Renders an app with this module, signed out, with this frontend
 * configuration. A new app each time: an app keeps the configuration it
 * first read.
 */
function renderApp(data: object) {
  process.env = {
    ...env,
    NODE_ENV: 'test',
    APP_CONFIG: [
      {
        data: {
          app: { title: 'Test' },
          backend: { baseUrl: 'http://localhost:7007' },
          ...data,
        },
        context: 'test',
      },
    ] as any,
  };
  render(createApp({ features: [signInModule] }).createRoot());
}

describe('signInModule', () => {
  beforeEach(() => {
    // Material UI v4 (the sign-in page's cards) still calls findDOMNode,
    // which React warns about in strict mode; every other error shows.
    // eslint-disable-next-line no-console
    const error = console.error;
    jest.spyOn(console, 'error').mockImplementation((...args) => {
      if (!String(args[0]).includes('findDOMNode is deprecated')) {
        error(...args);
      }
    });
  });

  afterEach(() => {
    process.env = env;
    jest.restoreAllMocks();
  });

  it('offers guest and GitHub in development (the default environment)', async () => {
    renderApp({});
    expect(
      await screen.findByText('Sign in using GitHub', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
  });

  it('offers GitHub only in production', async () => {
    renderApp({ auth: { environment: 'production' } });
    expect(
      await screen.findByText('Sign in using GitHub', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });
});
