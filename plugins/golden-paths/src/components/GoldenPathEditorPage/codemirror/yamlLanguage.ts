import { StreamLanguage } from '@codemirror/language';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';

/**
 * YAML highlighting, set up as the scaffolder's template editor does. One
 * instance, so completion can attach itself to it as language data.
 */
export const yamlLanguage = StreamLanguage.define(yaml);
