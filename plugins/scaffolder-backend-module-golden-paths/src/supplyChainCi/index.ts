export { CI_SYSTEMS, generatePipeline } from './generatePipeline';
export type { GeneratedPipeline } from './generatePipeline';
export {
  SUPPLY_CHAIN_CI_ACTION_ID,
  supplyChainCiInputSchema,
  supplyChainCiOutputSchema,
} from './schema';
export type { Gates, SupplyChainCiInput } from './schema';
