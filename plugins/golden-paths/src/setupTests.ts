import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { format } from 'node:util';

// Most tests here render a Backstage app with Material UI in jsdom and type
// into it, which takes seconds even on an idle 2-core machine and ten times
// that with a few other test runs beside it: `findBy*` and `waitFor` wait up
// to 20 s (their default is 1 s), and a test up to 60 s (Jest's is 5 s).
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(60_000);

/**
 * Warnings printed by libraries for code that is not ours, dropped so that
 * the test log shows what matters. Each is matched by its own words; any other
 * warning or error still prints.
 */
const knownNoise: RegExp[] = [
  // react-router 6 asks for its v7 future flags; the routers are Backstage's
  // (the test app's MemoryRouter), which sets none.
  /^⚠️ React Router Future Flag Warning: /,
  // Material UI v4 (ButtonBase, Portal, Transition) calls findDOMNode, which
  // React 18 deprecates; the frontend has no findDOMNode of its own.
  /^Warning: findDOMNode is deprecated /,
  // JSS (Material UI v4 styles) inserting a rule jsdom's CSS parser rejects,
  // from @backstage/core-components' Sidebar page.
  /^Warning: \[JSS\] processedRuleToParse is not defined/,
  // @backstage/frontend-test-utils registers Backstage's default icons as
  // components, which its own icons API deprecates.
  /^The following icons were registered as IconComponent, which is deprecated/,
];

for (const method of ['warn', 'error'] as const) {
  /* eslint-disable no-console -- the point: console output, filtered */
  const print = console[method];
  console[method] = (...args: unknown[]) => {
    const message = format(...args);
    if (!knownNoise.some(pattern => pattern.test(message))) {
      print(...args);
    }
  };
  /* eslint-enable no-console */
}
