/** A tool or step a check looks for in CI code. */
export interface CiTool {
  /** How reasons name the tool: "syft", "cosign sign". */
  name: string;
  /** Whether the code of one CI file (see `ciCode`) uses the tool. */
  usedIn(code: string): boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What may stand before a command: start of line, space, quote, path, shell operator. */
const COMMAND_START = `(?:^|[\\s'"\`/;&|(=])`;
/** What may follow the last word of a command. */
const COMMAND_END = `(?=\\s|$|['"\`;&|)])`;

/**
 * A command line: the words in order, separated by whitespace, as a command
 * (`syft`, `/syft`, `"syft"`), not as part of another word or an image name
 * (`anchore/syft:debug` is not a call of syft). A word given as an array
 * matches any of its alternatives.
 */
export function command(...words: Array<string | string[]>): CiTool {
  const alternatives = (word: string | string[]) =>
    typeof word === 'string'
      ? escapeRegExp(word)
      : `(?:${word.map(escapeRegExp).join('|')})`;
  const body = words.map(alternatives).join('\\s+');
  const regExp = new RegExp(`${COMMAND_START}${body}${COMMAND_END}`, 'm');
  const name = words
    .map(word => (typeof word === 'string' ? word : word.join('|')))
    .join(' ');
  return { name, usedIn: code => regExp.test(code) };
}

/**
 * A GitHub Action, or any reusable step named `owner/name`, at any version.
 */
export function action(name: string): CiTool {
  const regExp = new RegExp(
    `(?:^|[\\s'"])${escapeRegExp(name)}(?=@|\\s|$|['"])`,
    'm',
  );
  return { name, usedIn: code => regExp.test(code) };
}

/**
 * A GitHub Action used with a setting in the same step (`with:`), e.g.
 * `docker/build-push-action` with `sbom: true`.
 */
export function actionWith(name: string, key: string, value: RegExp): CiTool {
  const uses = action(name);
  const setting = new RegExp(
    `^\\s*${escapeRegExp(key)}:\\s*['"]?(?:${value.source})`,
    'm',
  );
  return {
    name: `${name} with ${key}: ${value.source}`,
    // `ciCode` starts every list item (a step) with a line of its own, "-:".
    usedIn: code =>
      code.split(/^-:$/m).some(step => uses.usedIn(step) && setting.test(step)),
  };
}

/** A tool found by a regular expression of its own. */
export function matching(name: string, regExp: RegExp): CiTool {
  return { name, usedIn: code => regExp.test(code) };
}

/** A tool that counts only together with others in the same file. */
export function allOf(name: string, ...tools: CiTool[]): CiTool {
  return { name, usedIn: code => tools.every(tool => tool.usedIn(code)) };
}

/** A tool under a shorter name for reasons. */
export function named(name: string, tool: CiTool): CiTool {
  return { ...tool, name };
}
