import { relative } from 'node:path';
import { createTempDir } from '../__testUtils__';
import { collectFiles, isYamlFile } from './collectFiles';

describe('collectFiles', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;

  beforeAll(async () => {
    dir = await createTempDir();
    await dir.write({
      'catalog-info.yaml': 'a: 1\n',
      'README.md': '# hi\n',
      'paths/b.yml': 'a: 1\n',
      'paths/a.yaml': 'a: 1\n',
      'paths/deep/c.YAML': 'a: 1\n',
      'paths/notes.txt': 'x',
      'paths/node_modules/pkg/d.yaml': 'a: 1\n',
      'paths/templates/svc/template.yaml': 'a: 1\n',
      'paths/templates/svc/skeleton/mkdocs.yml':
        'site_name: ${{ values.name }}\n',
      'paths/.github/workflows/ci.yaml': 'a: 1\n',
      'paths/.hidden.yaml': 'a: 1\n',
      'empty/notes.txt': 'x',
    });
  });

  afterAll(async () => {
    await dir.cleanup();
  });

  const rel = (files: string[]) => files.map(f => relative(dir.path, f));

  it('finds every YAML file under a directory, skipping node_modules, template skeletons and dot folders', async () => {
    const result = await collectFiles(['paths'], dir.path);
    expect(rel(result.files)).toEqual([
      'paths/a.yaml',
      'paths/b.yml',
      'paths/deep/c.YAML',
      'paths/templates/svc/template.yaml',
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('takes a file as it is and skips a named file that is not YAML', async () => {
    const result = await collectFiles(
      ['catalog-info.yaml', 'README.md'],
      dir.path,
    );
    expect(rel(result.files)).toEqual(['catalog-info.yaml']);
    expect(rel(result.skipped)).toEqual(['README.md']);
  });

  it('expands globs', async () => {
    const result = await collectFiles(['paths/*.y*ml'], dir.path);
    expect(rel(result.files)).toEqual(['paths/a.yaml', 'paths/b.yml']);
  });

  it('lists each file once', async () => {
    const result = await collectFiles(
      ['paths', 'paths/a.yaml', 'paths/**/*.yaml'],
      dir.path,
    );
    expect(rel(result.files)).toEqual([
      'paths/a.yaml',
      'paths/b.yml',
      'paths/deep/c.YAML',
      'paths/templates/svc/template.yaml',
    ]);
  });

  it('tells files named on the command line from files a directory or glob found', async () => {
    const result = await collectFiles(
      ['paths', 'catalog-info.yaml', 'paths/a.yaml', 'paths/*.yml'],
      dir.path,
    );
    expect(rel(result.named)).toEqual(['catalog-info.yaml', 'paths/a.yaml']);
    expect(
      result.found.map(({ argument, kind, files }) => ({
        argument,
        kind,
        files: rel(files),
      })),
    ).toEqual([
      {
        argument: 'paths',
        kind: 'directory',
        files: [
          'paths/a.yaml',
          'paths/b.yml',
          'paths/deep/c.YAML',
          'paths/templates/svc/template.yaml',
        ],
      },
      { argument: 'paths/*.yml', kind: 'glob', files: ['paths/b.yml'] },
    ]);
  });

  it('reports paths and globs that match nothing', async () => {
    const result = await collectFiles(
      ['missing.yaml', 'nothing/**/*.yaml', 'empty'],
      dir.path,
    );
    expect(result.files).toEqual([]);
    expect(result.unmatched).toEqual([
      { argument: 'missing.yaml', message: 'no such file or directory' },
      {
        argument: 'nothing/**/*.yaml',
        message: 'no .yaml or .yml files match the glob',
      },
      { argument: 'empty', message: 'directory has no .yaml or .yml files' },
    ]);
  });

  it('knows YAML files by extension', () => {
    expect(isYamlFile('a.yaml')).toBe(true);
    expect(isYamlFile('a.YML')).toBe(true);
    expect(isYamlFile('a.json')).toBe(false);
    expect(isYamlFile('yaml')).toBe(false);
  });
});
