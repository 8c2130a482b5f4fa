import { join, resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { resolveTrustedTemplateDirectories } from './templateDirectories';

describe('resolveTrustedTemplateDirectories', () => {
  const cwd = resolve('/srv/portal/packages/backend');
  const root = resolve('/srv/portal');

  beforeEach(() => {
    jest.spyOn(process, 'cwd').mockReturnValue(cwd);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("trusts the folders of the app's file locations as the catalog resolves them, and no URL location", () => {
    const config = new ConfigReader({
      catalog: {
        locations: [
          { type: 'file', target: '../../examples/template/template.yaml' },
          {
            type: 'file',
            target: '../../examples/repositories/*/catalog-info.yaml',
          },
          { type: 'file', target: '../../examples/{a,b}.yaml' },
          { type: 'url', target: 'https://github.com/acme/t/blob/main/t.yaml' },
        ],
      },
    });
    expect(resolveTrustedTemplateDirectories(config)).toEqual([
      join(root, 'examples/template'),
      join(root, 'examples/repositories'),
      join(root, 'examples'),
    ]);
  });

  it('adds goldenPaths.templates.directories, never the root of the file system', () => {
    const config = new ConfigReader({
      catalog: { locations: [{ type: 'file', target: '/*.yaml' }] },
      goldenPaths: { templates: { directories: ['../../templates'] } },
    });
    expect(resolveTrustedTemplateDirectories(config)).toEqual([
      join(root, 'templates'),
    ]);
    expect(() =>
      resolveTrustedTemplateDirectories(
        new ConfigReader({
          goldenPaths: { templates: { directories: ['/'] } },
        }),
      ),
    ).toThrow(
      'goldenPaths.templates.directories[0] must name a directory of templates, not the file system root',
    );
  });
});
