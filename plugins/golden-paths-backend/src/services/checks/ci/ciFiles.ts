import type { RepositorySnapshot } from '@golden-paths/golden-paths-node';
import { filesMatching } from '../repositoryFiles';
import { ciCode } from './ciCode';

/** Where the CI systems we know keep their configuration. */
export const CI_FILE_PATTERNS: ReadonlyArray<string> = [
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  '.gitlab-ci.yml',
  'Jenkinsfile',
  'azure-pipelines.yml',
  '.circleci/config.yml',
  'bitbucket-pipelines.yml',
];

/** {@link CI_FILE_PATTERNS} in words, for reasons. */
export const CI_FILES_LOOKED_FOR =
  '.github/workflows/*.yml|yaml, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .circleci/config.yml and bitbucket-pipelines.yml';

/** A CI configuration file, reduced to what runs. */
export interface CiFile {
  path: string;
  /** Commands and settings of the file, without comments; see {@link ciCode}. */
  code: string;
}

// Parsed once per snapshot: four checks read the same CI files.
const parsedCiFiles = new WeakMap<RepositorySnapshot, CiFile[]>();

/** The CI configuration files of a repository that was read. */
export function readCiFiles(repository: RepositorySnapshot): CiFile[] {
  let files = parsedCiFiles.get(repository);
  if (!files) {
    files = filesMatching(repository, CI_FILE_PATTERNS).map(file => ({
      path: file.path,
      code: ciCode(file),
    }));
    parsedCiFiles.set(repository, files);
  }
  return files;
}
