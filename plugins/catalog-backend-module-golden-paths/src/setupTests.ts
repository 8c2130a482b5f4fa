// The module's test runs a real catalog over SQLite or PostgreSQL, beyond
// Jest's 5 s default on a loaded machine: a minute per test and hook unless
// the test says otherwise. Its logs are quiet; nothing is silenced here.
jest.setTimeout(60_000);
