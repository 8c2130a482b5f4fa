import { formatFieldPath, parseJsonPointer } from './fieldPath';
import type { EntityProblem } from './types';

const AJV_MESSAGE = /^(<root>|(?:\/[^ ]*)?) (.*?)(?: - (.*))?$/s;
const FIELD_FORMAT_MESSAGE =
  /^"([^"]+)" is not valid;(.*?)(?: To learn more.*)?$/s;
const MISSING_VALUE_MESSAGE = /^([\w.-]+) must have a value$/;

function parseParams(raw: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const part of raw?.split(', ') ?? []) {
    const [key, ...rest] = part.split(': ');
    params[key] = rest.join(': ');
  }
  return params;
}

/**
 * `FieldFormatEntityPolicy` names fields relative to metadata for labels,
 * annotations, tags and links; put them back where they are in the file.
 */
function fieldFormatPath(field: string): Array<string | number> {
  const [head, ...rest] = field.split('.');
  if (head === 'labels' || head === 'annotations') {
    return ['metadata', head, rest.join('.')];
  }
  if (head === 'tags' || head === 'links') {
    return [
      'metadata',
      head,
      ...rest.map(s => (/^\d+$/.test(s) ? Number(s) : s)),
    ];
  }
  return field.split('.');
}

/**
 * Turns the message of an error thrown by one of `@backstage/catalog-model`'s
 * validators or policies (which report one problem at a time, as text) into
 * a problem with a path, so it can be located in the YAML.
 */
export function backstageErrorProblem(error: unknown): EntityProblem {
  const text = (error instanceof Error ? error.message : String(error))
    // Some validators wrap the ajv error, message and all, in another error.
    .replace(/^(\w*Error: )+/, '');

  const format = FIELD_FORMAT_MESSAGE.exec(text);
  if (format) {
    const path = fieldFormatPath(format[1]);
    const expectation = /^\s*expected (.*) but found (".*")\.?\s*$/s.exec(
      format[2],
    );
    return {
      path,
      field: formatFieldPath(path),
      message: expectation
        ? `must be ${expectation[1]}; got ${expectation[2]}`
        : 'is not valid',
    };
  }

  const missing = MISSING_VALUE_MESSAGE.exec(text);
  if (missing) {
    const path = missing[1].split('.');
    return {
      path: path.slice(0, -1),
      field: formatFieldPath(path),
      message: `${formatFieldPath(path)} is required`,
      atKey: true,
    };
  }

  const ajv = AJV_MESSAGE.exec(text);
  if (ajv && (ajv[1] === '<root>' || ajv[1].startsWith('/'))) {
    const path = ajv[1] === '<root>' ? [] : parseJsonPointer(ajv[1]);
    const params = parseParams(ajv[3]);
    if (params.missingProperty) {
      const field = formatFieldPath([...path, params.missingProperty]);
      return { path, field, message: `${field} is required`, atKey: true };
    }
    if (params.additionalProperty) {
      const extraPath = [...path, params.additionalProperty];
      return {
        path: extraPath,
        field: formatFieldPath(extraPath),
        message: `unknown field "${params.additionalProperty}" in ${
          formatFieldPath(path) || 'the document'
        }`,
        atKey: true,
      };
    }
    const detail = params.allowedValues
      ? `must be one of ${params.allowedValues}`
      : ajv[2];
    return { path, field: formatFieldPath(path), message: detail };
  }

  return { path: [], field: '', message: text };
}
