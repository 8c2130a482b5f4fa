import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import { useEffect, useMemo, useRef, useState } from 'react';
import { STARTER_YAML } from '../starterYaml';
import { useDebouncedValue } from './useDebouncedValue';

const BUCKET = 'golden-paths';
const KEY = 'editor-draft';
const SAVE_DELAY_MS = 1000;

/**
 * The editor's text, kept in the user's storage (browser local storage by
 * default) so that a reload does not lose work. Only the draft is kept:
 * nothing is written to a repository or the catalog.
 */
export function useEditorDraft(
  initialYaml?: string,
): [string, (text: string) => void] {
  const storageApi = useApi(storageApiRef);
  const storage = useMemo(() => storageApi.forBucket(BUCKET), [storageApi]);
  const [text, setText] = useState(() => {
    if (initialYaml !== undefined) {
      return initialYaml;
    }
    const saved = storage.snapshot<string>(KEY);
    return saved.presence === 'present' && typeof saved.value === 'string'
      ? saved.value
      : STARTER_YAML;
  });
  const saved = useRef(text);
  const latest = useRef(text);
  latest.current = text;

  const save = useMemo(
    () => (value: string) => {
      if (value === saved.current) {
        return;
      }
      saved.current = value;
      // The example needs no saving; removing it keeps storage clean.
      const write =
        value === STARTER_YAML ? storage.remove(KEY) : storage.set(KEY, value);
      write.catch(() => {
        // Only a reload would lose the draft; the page works on.
      });
    },
    [storage],
  );

  const toSave = useDebouncedValue(text, SAVE_DELAY_MS);
  useEffect(() => save(toSave), [toSave, save]);
  // Leaving the page (say, through the preview's link) saves at once.
  useEffect(() => () => save(latest.current), [save]);

  return [text, setText];
}
