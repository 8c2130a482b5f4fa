import { z } from 'zod';

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

/** The shape of `.golden-paths/scaffold.yaml`, checked where it is read. */
export const scaffoldRecordSchema = z.object({
  schemaVersion: z.literal(1),
  template: z.object({
    entityRef: z.string().min(1),
    source: z.string().min(1),
    revision: z.object({
      location: z.string().min(1),
      contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    }),
  }),
  path: z.object({
    entityRef: z.string().min(1),
    version: z.string().min(1),
    title: z.string().optional(),
    guarantees: z.array(z.string()),
  }),
  values: z.record(z.string(), jsonValue),
  context: z.object({
    seed: z.string().min(8),
    scaffoldedAt: z.string().datetime({ offset: true }),
  }),
  files: z.array(
    z.object({
      path: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      executable: z.boolean().optional(),
    }),
  ),
});
