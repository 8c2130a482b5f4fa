import type { RenderedFile } from '../scaffold/manifest';
import {
  SCAFFOLD_RECORD_PATH,
  type ScaffoldRecord,
} from '../scaffold/scaffoldRecord';
import { planThreeWayMerge } from '../upgrade/planThreeWayMerge';
import type { ThreeWayMerge } from '../upgrade/types';
import {
  listRepositoryFiles,
  type ComponentRepository,
} from './componentRepository';
import { recopyBase, relabelRecopy } from './recopyBase';

/**
 * Merges the new version into the repository, three ways over the old
 * version's render, or, when the old version no longer renders, over a
 * recopy base made from the record's file hashes (its outcomes relabelled).
 */
export async function mergeWithRepository(options: {
  repository: ComponentRepository;
  record: ScaffoldRecord;
  baseFiles: RenderedFile[] | undefined;
  targetFiles: RenderedFile[];
  templateName: string;
  toVersion: string;
}): Promise<{ merge: ThreeWayMerge; files: ThreeWayMerge['files'] }> {
  const { repository, record, baseFiles, targetFiles, templateName } = options;
  const recopy = baseFiles
    ? undefined
    : recopyBase(
        record.files,
        await listRepositoryFiles(repository),
        targetFiles,
      );
  const merge = await planThreeWayMerge({
    base: baseFiles ?? recopy!.base,
    template: targetFiles,
    repository: repository.side,
    labels: {
      repository: 'your repository',
      base: `${templateName} ${record.path.version}`,
      template: `${templateName} ${options.toVersion}`,
    },
    exclude: [SCAFFOLD_RECORD_PATH],
  });
  const files = recopy
    ? relabelRecopy(merge.files, recopy.changedByDeveloper)
    : merge.files;
  return { merge, files };
}
