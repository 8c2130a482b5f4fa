import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/*
 * The README's legacy install must not drift from the legacy example app in
 * dev/legacy, which tsc checks and legacyInstall.test.tsx renders: every
 * snippet of that section names its file on its first line, and each of its
 * parts (between elision markers) is found in that file, whitespace aside.
 */

const PACKAGE_DIR = join(__dirname, '..');
const EXAMPLE_DIR = join(PACKAGE_DIR, 'dev', 'legacy');
const SECTION = '## Install: legacy frontend system';

const FILE_LINE = /^\/\/ (\S+\.tsx)$/;
const ELISION = /^\s*(?:\/\/ \.\.\.|\{\/\* \.\.\. \*\/\})\s*$/;

type Snippet = { file: string; code: string };

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function legacySection(readme: string): string {
  const start = readme.indexOf(SECTION);
  if (start < 0) {
    throw new Error(`README.md has no "${SECTION}" section`);
  }
  const next = readme.indexOf('\n## ', start + SECTION.length);
  return readme.slice(start, next < 0 ? undefined : next);
}

function snippetsOf(section: string): Snippet[] {
  return [...section.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map(match => {
    const [first, ...rest] = match[1].split('\n');
    const named = FILE_LINE.exec(first.trim());
    if (!named) {
      throw new Error(
        `A legacy install snippet does not name its file on its first line (// packages/app/src/App.tsx): ${first}`,
      );
    }
    return { file: basename(named[1]), code: rest.join('\n') };
  });
}

/** The parts of a snippet, between elision markers, that a file lacks. */
function missingParts(code: string, fileText: string): string[] {
  const parts: string[][] = [[]];
  for (const line of code.split('\n')) {
    if (ELISION.test(line)) {
      parts.push([]);
    } else {
      parts[parts.length - 1].push(line);
    }
  }
  const haystack = normalise(fileText);
  return parts
    .map(lines => normalise(lines.join('\n')))
    .filter(part => part && !haystack.includes(part));
}

function readExample(file: string): string {
  const path = join(EXAMPLE_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`dev/legacy has no ${file}`);
  }
  return readFileSync(path, 'utf8');
}

const section = legacySection(
  readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8'),
);
const snippets = snippetsOf(section);

describe("the README's legacy install", () => {
  it('shows App.tsx and EntityPage.tsx', () => {
    expect([...new Set(snippets.map(s => s.file))].sort()).toEqual([
      'App.tsx',
      'EntityPage.tsx',
    ]);
  });

  it.each(snippets.map((snippet, i) => [i + 1, snippet.file, snippet]))(
    'snippet %d is an excerpt of dev/legacy/%s',
    (_n, file, snippet) => {
      expect(missingParts(snippet.code, readExample(file))).toEqual([]);
    },
  );

  it('shows every import from the plugin that the example uses', () => {
    const shown = normalise(section);
    for (const file of ['App.tsx', 'EntityPage.tsx']) {
      const imports = [
        ...readExample(file).matchAll(
          /import \{([^}]*)\} from '@golden-paths\/golden-paths';/g,
        ),
      ].map(match => normalise(match[0]));
      expect(imports).not.toEqual([]);
      for (const statement of imports) {
        expect(shown).toContain(statement);
      }
    }
  });

  it('notices a snippet that the example does not have', () => {
    const fileText = "<Route path='/a' element={<A />} />\n<B />\n";
    expect(
      missingParts("<Route path='/a'\n  element={<A />} />", fileText),
    ).toEqual([]);
    expect(
      missingParts(
        "<Route path='/a' element={<A />} />\n// ...\n<C />",
        fileText,
      ),
    ).toEqual(['<C />']);
  });
});
