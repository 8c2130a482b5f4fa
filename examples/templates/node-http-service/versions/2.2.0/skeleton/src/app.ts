import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';

export interface AppOptions extends FastifyServerOptions {
  /**
   * Whether the service can take traffic: check the dependencies it cannot
   * work without here. Kubernetes stops sending requests while it is false.
   */
  isReady?: () => boolean | Promise<boolean>;
}

/**
 * Builds the Fastify instance with every route but does not listen, so tests
 * call routes through `app.inject()` without opening a port.
 */
export function buildApp(options: AppOptions = {}): FastifyInstance {
  const { isReady = () => true, ...fastifyOptions } = options;
  const app = Fastify(fastifyOptions);

  // Liveness: answers as long as the event loop turns. It never checks
  // dependencies, or an outage elsewhere would restart every pod at once.
  app.get('/healthz', async () => ({ status: 'ok' }));

  // Readiness: checks dependencies, so a pod that cannot serve is taken out
  // of the Service instead of answering with errors.
  app.get('/readyz', async (_request, reply) => {
    if (await isReady()) {
      return { status: 'ready' };
    }
    return reply.code(503).send({ status: 'not-ready' });
  });

  app.get<{ Params: { name: string } }>(
    '/v1/greetings/:name',
    {
      schema: {
        params: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 64 } },
          required: ['name'],
        },
        response: {
          200: {
            type: 'object',
            properties: { message: { type: 'string' } },
            required: ['message'],
          },
        },
      },
    },
    async request => ({ message: `Hello, ${request.params.name}!` }),
  );

  return app;
}
