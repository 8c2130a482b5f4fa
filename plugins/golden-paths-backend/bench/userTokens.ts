import {
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';

const base64url = (value: string | Buffer) =>
  Buffer.from(value).toString('base64url');

/**
 * Backstage user tokens for any user, signed the way the auth backend signs
 * them (ES256, `typ: vnd.backstage.user`, with the user identity proof that
 * lets a plugin call another on the user's behalf). The default auth
 * service verifies them against the key {@link benchAuthPlugin} publishes,
 * as it would the auth backend's: every request of a user in the benchmark
 * pays the same verification and on-behalf-of token issuing as in
 * production, which the test backend's mock tokens would skip.
 */
export class BenchUserTokens {
  readonly #kid = randomUUID();
  readonly #privateKey: KeyObject;
  readonly #publicJwk: Record<string, unknown>;
  readonly #issued = new Map<string, string>();

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
    });
    this.#privateKey = createPrivateKey(
      privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    this.#publicJwk = {
      ...publicKey.export({ format: 'jwk' }),
      kid: this.#kid,
      alg: 'ES256',
      use: 'sig',
    };
  }

  /** The JSON Web Key Set the auth service fetches. */
  jwks(): { keys: Array<Record<string, unknown>> } {
    return { keys: [this.#publicJwk] };
  }

  /** A token for `userEntityRef` owning `ownership` too, valid for a day. */
  token(userEntityRef: string, ownership: string[] = []): string {
    const cached = this.#issued.get(userEntityRef);
    if (cached) {
      return cached;
    }
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + 24 * 3600;
    // Signed over exactly the header and payload the auth service
    // rebuilds when it turns this token into a limited one.
    const uip = this.#signature(
      { typ: 'vnd.backstage.limited-user', alg: 'ES256', kid: this.#kid },
      { sub: userEntityRef, iat, exp },
    );
    const header = { typ: 'vnd.backstage.user', alg: 'ES256', kid: this.#kid };
    const payload = {
      iss: 'golden-paths-bench',
      sub: userEntityRef,
      ent: [userEntityRef, ...ownership],
      aud: 'backstage',
      iat,
      exp,
      uip,
    };
    const token = `${base64url(JSON.stringify(header))}.${base64url(
      JSON.stringify(payload),
    )}.${this.#signature(header, payload)}`;
    this.#issued.set(userEntityRef, token);
    return token;
  }

  #signature(header: object, payload: object): string {
    const input = `${base64url(JSON.stringify(header))}.${base64url(
      JSON.stringify(payload),
    )}`;
    return base64url(
      sign('sha256', Buffer.from(input), {
        key: this.#privateKey,
        dsaEncoding: 'ieee-p1363',
      }),
    );
  }
}

/**
 * Stands in for the auth backend: plugin id `auth`, serving only the JWKS
 * at the address where the default auth service looks for user token keys.
 */
export function benchAuthPlugin(tokens: BenchUserTokens) {
  return createBackendPlugin({
    pluginId: 'auth',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = express.Router();
          router.get('/.well-known/jwks.json', (_req, res) => {
            res.json(tokens.jwks());
          });
          httpRouter.use(router);
          httpRouter.addAuthPolicy({
            path: '/.well-known/jwks.json',
            allow: 'unauthenticated',
          });
        },
      });
    },
  });
}
