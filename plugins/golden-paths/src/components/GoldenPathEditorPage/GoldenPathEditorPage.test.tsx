import '@testing-library/jest-dom';
import { alertApiRef, storageApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { forEachDiagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rootRouteRef } from '../../routes';
import { GoldenPathEditorPage } from './GoldenPathEditorPage';
import { STARTER_YAML } from './starterYaml';

const mountedRoutes = {
  '/golden-paths': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

const INVALID_LIFECYCLE = STARTER_YAML.replace(
  'lifecycle: supported',
  'lifecycle: stable',
);
const LIFECYCLE_LINE =
  INVALID_LIFECYCLE.split('\n').findIndex(line =>
    line.includes('lifecycle: stable'),
  ) + 1;

async function renderPage(
  options: {
    initialYaml?: string;
    storage?: ReturnType<typeof mockApis.storage>;
  } = {},
) {
  const alertApi = { post: jest.fn() };
  const storage = options.storage ?? mockApis.storage();
  const result = await renderInTestApp(
    <TestApiProvider
      apis={[
        [alertApiRef, alertApi],
        [storageApiRef, storage],
      ]}
    >
      <GoldenPathEditorPage initialYaml={options.initialYaml} />
    </TestApiProvider>,
    { mountedRoutes },
  );
  const editor = () => {
    const element = result.container.querySelector('.cm-editor');
    const view = element && EditorView.findFromDOM(element as HTMLElement);
    if (!view) {
      throw new Error('no editor');
    }
    return view;
  };
  return { ...result, alertApi, storage, editor };
}

// jsdom lays nothing out; CodeMirror measures text ranges when it scrolls
// the cursor into view.
beforeAll(() => {
  const emptyRects = () =>
    Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= emptyRects;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

describe('GoldenPathEditorPage', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('starts with the example, no problems and its preview', async () => {
    const { editor } = await renderPage();

    expect(
      screen.getByRole('heading', { name: 'GoldenPath editor' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Nothing is saved: copy or download the YAML and commit it to your repository',
      ),
    ).toBeInTheDocument();
    expect(editor().state.doc.toString()).toBe(STARTER_YAML);
    expect(
      screen.getByRole('textbox', { name: 'GoldenPath YAML' }),
    ).toHaveTextContent('apiVersion: golden-paths.dev/v1alpha1');

    expect(await screen.findByText('No problems')).toBeInTheDocument();
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(
      within(preview).getByRole('link', {
        name: 'Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
  });

  it('lists problems with line, column and field, and goes to them', async () => {
    const { editor } = await renderPage({ initialYaml: INVALID_LIFECYCLE });

    const problem = await screen.findByRole('button', {
      name: new RegExp(
        `^Error line ${LIFECYCLE_LINE}, column 14: must be one of supported, beta, deprecated; got "stable" \\(spec\\.lifecycle\\)$`,
      ),
    });
    expect(screen.getByRole('status')).toHaveTextContent('1 problem');
    // The path still has a preview while it has problems.
    expect(
      within(screen.getByRole('region', { name: 'Preview' })).getByRole(
        'link',
        { name: 'Node.js HTTP service on Kubernetes' },
      ),
    ).toBeInTheDocument();

    // The same problem underlines the text in the editor.
    await waitFor(() => {
      const marked: string[] = [];
      forEachDiagnostic(editor().state, (diagnostic, from, to) =>
        marked.push(
          `${editor().state.sliceDoc(from, to)}: ${diagnostic.message}`,
        ),
      );
      expect(marked).toEqual([
        'stable: must be one of supported, beta, deprecated; got "stable" (spec.lifecycle)',
      ]);
    });

    await userEvent.click(problem);
    const view = editor();
    const head = view.state.selection.main.head;
    expect(view.state.doc.lineAt(head).number).toBe(LIFECYCLE_LINE);
    expect(view.state.doc.sliceString(head, head + 6)).toBe('stable');
    expect(view.hasFocus).toBe(true);
  });

  it('goes to a problem from the keyboard', async () => {
    const { editor } = await renderPage({ initialYaml: INVALID_LIFECYCLE });
    const problem = await screen.findByRole('button', {
      name: /\(spec\.lifecycle\)$/,
    });
    act(() => editor().dispatch({ selection: { anchor: 0 } }));

    problem.focus();
    await userEvent.keyboard('{Enter}');

    const view = editor();
    expect(view.state.doc.lineAt(view.state.selection.main.head).number).toBe(
      LIFECYCLE_LINE,
    );
  });

  it('checks what is typed in the editor and keeps it as a draft', async () => {
    const { editor, storage } = await renderPage();
    expect(await screen.findByText('No problems')).toBeInTheDocument();

    const view = editor();
    const from = view.state.doc.toString().indexOf('category: service') + 10;
    act(() => {
      view.dispatch({
        changes: { from, to: from + 'service'.length, insert: 'website' },
      });
    });

    expect(
      await screen.findByRole('button', {
        name: /column 13: .*\(spec\.category\)$/,
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        storage.forBucket('golden-paths').snapshot('editor-draft').value,
      ).toContain('category: website'),
    );
  });

  it('saves the draft at once when the page is left', async () => {
    const { editor, storage, unmount } = await renderPage();
    const view = editor();
    act(() => {
      view.dispatch({ changes: { from: 0, insert: '# mine\n' } });
    });
    unmount();
    expect(
      storage.forBucket('golden-paths').snapshot('editor-draft').value,
    ).toBe(`# mine\n${STARTER_YAML}`);
  });

  it('restores the draft of an earlier visit', async () => {
    const storage = mockApis.storage();
    await storage
      .forBucket('golden-paths')
      .set('editor-draft', 'kind: Component\nmetadata:\n  name: x\n');
    const { editor } = await renderPage({ storage });

    expect(editor().state.doc.toString()).toBe(
      'kind: Component\nmetadata:\n  name: x\n',
    );
    expect(
      screen.getByText(
        'No preview: The first document is of kind Component, not GoldenPath; only golden paths have a preview.',
      ),
    ).toBeInTheDocument();
  });

  it('says why there is no preview', async () => {
    await renderPage({ initialYaml: 'kind: [GoldenPath\n' });
    expect(
      screen.getByText(/^No preview: The first document is not valid YAML/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^\d+ problems?$/),
    );
  });

  it('copies the YAML to the clipboard', async () => {
    const writeText = jest.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    const { alertApi } = await renderPage({ initialYaml: INVALID_LIFECYCLE });

    await userEvent.click(screen.getByRole('button', { name: 'Copy YAML' }));

    expect(writeText).toHaveBeenCalledWith(INVALID_LIFECYCLE);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Copied the YAML to the clipboard.',
        severity: 'success',
      }),
    );
  });

  it('says when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: jest.fn(async () => {
          throw new Error('permission denied');
        }),
      },
      configurable: true,
    });
    const { alertApi } = await renderPage();

    await userEvent.click(screen.getByRole('button', { name: 'Copy YAML' }));

    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: expect.stringContaining(
          'Could not copy the YAML: permission denied',
        ),
        severity: 'error',
      }),
    );
  });

  it('downloads the YAML as GoldenPath-<name>.yaml', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:golden-path';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicks: HTMLAnchorElement[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        clicks.push(this);
      });
    await renderPage();

    await userEvent.click(screen.getByRole('button', { name: 'Download' }));

    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('GoldenPath-node-http-service.yaml');
    expect(clicks[0].href).toBe('blob:golden-path');
    expect(clicks[0].isConnected).toBe(false);
    expect(blobs[0].type).toBe('application/yaml');
    expect(await blobs[0].text()).toBe(STARTER_YAML);
  });

  it('resets to the example', async () => {
    const { editor, alertApi } = await renderPage({
      initialYaml: 'kind: GoldenPath\n',
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Reset to the example' }),
    );

    expect(editor().state.doc.toString()).toBe(STARTER_YAML);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'info' }),
    );
  });
});
