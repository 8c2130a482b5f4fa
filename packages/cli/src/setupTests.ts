// Several tests here start the CLI as a process or lint the repository's own
// examples: a few seconds on an idle machine, beyond Jest's 5 s default on a
// busy one. Every test and hook may take up to a minute unless it says
// otherwise. Their logs are quiet: nothing is silenced here.
jest.setTimeout(60_000);
