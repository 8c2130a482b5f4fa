import '@testing-library/jest-dom';
import { EditorView } from '@codemirror/view';
import { createTheme, ThemeProvider } from '@material-ui/core/styles';
import { render } from '@testing-library/react';
import { YamlEditor } from './YamlEditor';

function renderEditor(type: 'light' | 'dark') {
  const { container } = render(
    <ThemeProvider theme={createTheme({ palette: { type } })}>
      <YamlEditor
        value="kind: GoldenPath\n"
        onChange={() => {}}
        lint={async () => []}
        ariaLabel="GoldenPath YAML"
        ariaDescribedBy="help"
      />
    </ThemeProvider>,
  );
  const element = container.querySelector('.cm-editor') as HTMLElement;
  return EditorView.findFromDOM(element)!;
}

describe('YamlEditor', () => {
  it('follows the palette: dark editor in the dark theme', () => {
    expect(renderEditor('dark').state.facet(EditorView.darkTheme)).toBe(true);
  });

  it('follows the palette: light editor in the light theme', () => {
    expect(renderEditor('light').state.facet(EditorView.darkTheme)).toBe(false);
  });

  it('labels the editable area and points to the help', () => {
    const view = renderEditor('light');
    expect(view.contentDOM).toHaveAttribute('aria-label', 'GoldenPath YAML');
    expect(view.contentDOM).toHaveAttribute('aria-describedby', 'help');
  });
});
