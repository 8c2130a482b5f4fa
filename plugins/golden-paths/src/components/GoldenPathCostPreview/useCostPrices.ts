import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { CostPrices } from './estimateMonthlyCost';

/**
 * The defaults are the on-demand list prices of Google Compute Engine N1
 * predefined instances in us-central1, which are also OpenCost's default
 * prices: without other configuration the preview agrees with what OpenCost
 * reports for the workload's cost labels later.
 */
export const DEFAULT_COST_PRICES: CostPrices = {
  cpuCoreHour: 0.031611,
  memoryGiBHour: 0.004237,
  currency: 'USD',
};

function price(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0
    ? value
    : fallback;
}

/** Unit prices from `goldenPaths.cost`, with the defaults for what is unset. */
export function useCostPrices(): CostPrices {
  const config = useApi(configApiRef);
  const cost = config.getOptionalConfig('goldenPaths.cost');
  return {
    cpuCoreHour: price(
      cost?.getOptionalNumber('cpuCoreHour'),
      DEFAULT_COST_PRICES.cpuCoreHour,
    ),
    memoryGiBHour: price(
      cost?.getOptionalNumber('memoryGiBHour'),
      DEFAULT_COST_PRICES.memoryGiBHour,
    ),
    currency:
      cost?.getOptionalString('currency')?.trim() ||
      DEFAULT_COST_PRICES.currency,
  };
}
