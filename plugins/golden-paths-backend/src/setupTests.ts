// The plugin's tests start test backends with a real catalog, SQLite or
// PostgreSQL and local git repositories; on a loaded 2-core machine that
// exceeds Jest's 5 s default. Every test and hook may take up to a minute
// unless it says otherwise. Test backends log nothing by default (the mock
// root logger's level), so nothing is silenced here.
jest.setTimeout(60_000);
