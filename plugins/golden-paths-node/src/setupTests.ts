// Many tests here do real work on disk: git repositories, template renders,
// three-way merges. Jest allows 5 s by default, which a busy 2-core machine
// exceeds; every test and hook may take up to a minute, and tests that need
// more say so themselves. Their logs are quiet: nothing is silenced here.
jest.setTimeout(60_000);
