// The upgrade tests run a whole portal in a test backend: on a busy 2-core
// machine any test or hook may take up to 2 minutes.
jest.setTimeout(120_000);
