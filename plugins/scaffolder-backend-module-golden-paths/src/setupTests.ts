// Most tests here do real work: a real catalog and scaffolder in a test
// backend, git, template renders. On a busy 2-core machine these take tens
// of seconds where jest allows 5, so every test and hook may take up to
// 2 minutes; tests that do more say so themselves.
jest.setTimeout(120_000);
