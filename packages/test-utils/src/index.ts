/**
 * Test helpers shared by the Golden Paths packages' integration tests.
 *
 * @packageDocumentation
 */

export {
  backendRequests,
  runScaffolderTask,
  runTemplate,
  waitFor,
  type FinishedTask,
  type JsonResponse,
} from './backendRequests';
export {
  EXAMPLES_DIR,
  directoryContents,
  exampleValues,
  readExampleTemplates,
  type ExampleTemplate,
} from './exampleTemplates';
export {
  startScaffolderTestBackend,
  waitForCatalog,
  type ScaffolderTestBackend,
} from './scaffolderBackend';
export { upgradeTestConfig } from './upgradeTestConfig';
