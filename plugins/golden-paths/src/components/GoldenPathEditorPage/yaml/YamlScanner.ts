import {
  indentOf,
  isDocumentMarker,
  isEmptyLine,
  opensChildren,
  tokenize,
} from './yamlLines';
import type { YamlPath } from './yamlCursorContext';

type Frame =
  | { type: 'map'; column: number; key?: string; keys: string[] }
  | { type: 'seq'; column: number; index: number };

/**
 * The open mappings and sequences above a line, kept up to date as the lines
 * before the cursor are read one by one.
 */
export class YamlScanner {
  frames: Frame[] = [];
  /** Lines indented deeper than this belong to a scalar, not to the tree. */
  scalarColumn: number | undefined = undefined;

  reset() {
    this.frames = [];
    this.scalarColumn = undefined;
  }

  top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private popTo(column: number, forKey: boolean) {
    for (;;) {
      const top = this.top();
      if (
        !top ||
        !(
          top.column > column ||
          (forKey && top.column === column && top.type === 'seq')
        )
      ) {
        return;
      }
      this.frames.pop();
    }
  }

  dash(column: number) {
    this.popTo(column, false);
    const top = this.top();
    if (top?.type === 'seq' && top.column === column) {
      top.index += 1;
    } else {
      this.frames.push({ type: 'seq', column, index: 0 });
    }
  }

  key(column: number, key: string) {
    this.popTo(column, true);
    const top = this.top();
    if (top?.type === 'map' && top.column === column) {
      top.key = key;
      top.keys.push(key);
    } else {
      this.frames.push({ type: 'map', column, key, keys: [key] });
    }
  }

  /** Makes `column` the current mapping level without naming a key yet. */
  keyLevel(column: number) {
    this.popTo(column, true);
  }

  path(): YamlPath {
    const path: YamlPath = [];
    for (const frame of this.frames) {
      if (frame.type === 'seq') {
        path.push(frame.index);
      } else if (frame.key !== undefined) {
        path.push(frame.key);
      }
    }
    return path;
  }

  line(line: string) {
    if (isDocumentMarker(line)) {
      this.reset();
      return;
    }
    if (isEmptyLine(line)) {
      return;
    }
    if (this.scalarColumn !== undefined) {
      if (indentOf(line) > this.scalarColumn) {
        return;
      }
      this.scalarColumn = undefined;
    }
    let dashColumn = 0;
    for (const token of tokenize(line)) {
      if (token.type === 'dash') {
        this.dash(token.column);
        dashColumn = token.column;
      } else if (token.type === 'key') {
        this.key(token.column, token.key);
        if (!opensChildren(token.value)) {
          this.scalarColumn = token.column;
        }
      } else {
        // A scalar item: lines below it, deeper than its dash, continue it.
        this.scalarColumn = dashColumn;
      }
    }
  }
}
