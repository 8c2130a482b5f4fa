import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFixtureRepository,
  type FixtureRepository,
} from '../__fixtures__/fixtureRepository';
import {
  fixtureExclude,
  fixtureLabels,
  renderTemplate,
} from '../__fixtures__/fixtureTemplate';
import {
  repositoryFiles,
  type UpgradeFixtureCase,
} from '../__fixtures__/upgradeFixtures';
import { planThreeWayMerge } from '../planThreeWayMerge';
import type { RepositorySide } from '../types';
import type { MergeSubject } from './mergeProperties';

/** The branch the fixture upgrades are committed on. */
export const FIXTURE_BRANCH = 'golden-paths/upgrade-fixture-service';

/**
 * A temporary folder for a test file's fixture repositories: made before
 * its tests, removed after them.
 */
export function useFixtureRepositories() {
  let root = '';
  let count = 0;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'three-way-merge-test-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    /** A path inside the folder. */
    path: (name: string) => join(root, name),
    /** A new repository of the case's files, with uncommitted work. */
    create(fixtureCase: UpgradeFixtureCase): FixtureRepository {
      count += 1;
      return createFixtureRepository(
        join(root, `repo-${count}`),
        repositoryFiles(fixtureCase),
        { dirty: true },
      );
    },
  };
}

/** The three sides of a case's merge, for the merge properties. */
export function subjectOf(fixtureCase: UpgradeFixtureCase): MergeSubject {
  return {
    fixtureCase,
    base: renderTemplate(1),
    template: renderTemplate(2),
    repository: repositoryFiles(fixtureCase),
  };
}

/** The repository side of a merge, as a git repository or as files. */
export function repositorySide(
  type: RepositorySide['type'],
  fixtureCase: UpgradeFixtureCase,
  repository: FixtureRepository,
): RepositorySide {
  return type === 'git'
    ? { type, gitDir: repository.gitDir, commit: repository.commit }
    : { type, files: repositoryFiles(fixtureCase) };
}

/** Plans the fixture template's upgrade from version 1 to 2. */
export function planFixtureUpgrade(repository: RepositorySide) {
  return planThreeWayMerge({
    base: renderTemplate(1),
    template: renderTemplate(2),
    repository,
    labels: fixtureLabels,
    exclude: fixtureExclude,
  });
}
