export interface Config {
  goldenPaths?: {
    /**
     * Unit prices for the scaffolder's cost preview (`ui:field:
     * GoldenPathCostPreview`), which multiplies a template's CPU and memory
     * requests by 730 hours a month and by the replica range.
     *
     * The defaults are the on-demand list prices of Google Compute Engine N1
     * predefined instances in us-central1, which are also OpenCost's default
     * prices, so without further configuration the preview agrees with what
     * OpenCost later reports for the workload's cost labels. Set your own
     * cloud's or your negotiated prices here.
     */
    cost?: {
      /**
       * Price of one vCPU for one hour. Default 0.031611 (USD, GCE N1
       * on-demand in us-central1).
       *
       * @visibility frontend
       */
      cpuCoreHour?: number;
      /**
       * Price of one GiB of memory for one hour. Default 0.004237 (USD, GCE
       * N1 on-demand in us-central1).
       *
       * @visibility frontend
       */
      memoryGiBHour?: number;
      /**
       * ISO 4217 code of both prices, such as USD or EUR. Default USD.
       *
       * @visibility frontend
       */
      currency?: string;
    };
  };
}
