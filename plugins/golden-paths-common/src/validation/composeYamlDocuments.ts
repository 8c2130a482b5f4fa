import { Composer, type Document, Lexer, type LineCounter, Parser } from 'yaml';

const CLOCK_EVERY = 1024;

/**
 * What `parseAllDocuments` of the yaml library does, one lexical token at
 * a time so that the clock is read while it runs: the library's own call
 * cannot be stopped once started, and some 1 MiB texts keep it busy for
 * seconds.
 */
export function composeYamlDocuments(
  text: string,
  options: { lineCounter: LineCounter; deadline: number },
): { documents: Document[]; stoppedAt?: number } {
  const { lineCounter, deadline } = options;
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({
    prettyErrors: false,
    // Duplicate keys are found while building values, with a set: the
    // library's own check compares every key with every other one.
    uniqueKeys: false,
    strict: true,
  });
  const documents: Document[] = [];
  // Each syntax error is an Error object; their stack traces made
  // error-dense input several times slower to read.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    lineCounter.addNewLine(0);
    let count = 0;
    for (const lexeme of new Lexer().lex(text, false)) {
      for (const token of parser.next(lexeme)) {
        documents.push(...composer.next(token));
      }
      count++;
      if (count % CLOCK_EVERY === 0 && Date.now() > deadline) {
        return { documents, stoppedAt: parser.offset };
      }
    }
    for (const token of parser.end()) {
      documents.push(...composer.next(token));
    }
    documents.push(...composer.end());
    return { documents };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
