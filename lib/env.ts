import 'server-only';
import { z } from 'zod';
import { parseTrustedProxies } from './auth/client-address';
import { DEFAULT_PUSH_SERVICES } from './notifications/validation';

const boolFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Folder for the SQLite file, uploaded photos and the generated session secret. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** SQLite file; defaults to <DATA_DIR>/yishi.db. */
  DATABASE_PATH: z.string().min(1).optional(),
  /** The audit anchor file; defaults to audit-anchors.log beside the database (db/client.ts anchorsPathFor). */
  AUDIT_ANCHORS_PATH: z.string().min(1).optional(),
  /** Signs session tokens. When unset, a random secret is generated once and kept in DATA_DIR. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** Seed the demo district into an empty database at start. */
  SEED_DEMO: boolFlag.default(true),
  /** A session ends after this long without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(12 * 60),
  /** A session ends this long after login, however active. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(7 * 24),
  /** Failed logins allowed per account within LOGIN_WINDOW_SECONDS. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed logins allowed per client address (many residents may share one, e.g. a community centre). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86400).default(60),
  /** Failed logins of one account in a day, from anywhere, before devices it never logged in on must wait. */
  LOGIN_SLOWDOWN_AFTER: z.coerce.number().int().min(1).max(1000).default(10),
  /** The longest such a wait grows (it doubles with each failure). */
  LOGIN_SLOWDOWN_MAX_SECONDS: z.coerce.number().int().min(15).max(86400).default(900),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDRs). Empty: the socket's peer is the
   * client and the header is ignored (docs/decisions/0014).
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((spec, ctx) => {
      const parsed = parseTrustedProxies(spec);
      if (parsed.ok) return parsed.proxies;
      ctx.addIssue({ code: 'custom', message: `not an address or CIDR: ${parsed.invalid.join(', ')}` });
      return z.NEVER;
    }),
  /**
   * Web Push (VAPID) keys, base64url, as `npx web-push generate-vapid-keys` prints them. When unset, a
   * pair is generated once and kept in DATA_DIR (server/push/vapid.ts); set both or neither.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/)
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/)
    .optional(),
  /** Who runs this server, for the push services to contact: mailto: or https:. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/)
    .default('mailto:yishi@localhost'),
  /**
   * The push services a device's subscription may point at (origins, or https://*.domain), comma
   * separated. The server POSTs to them, so nothing else is accepted.
   */
  PUSH_SERVICES: z
    .string()
    .default(DEFAULT_PUSH_SERVICES.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /**
   * Sign-in by SMS code (server/sms/sender.ts checks these at start): unset or 'off' — no SMS; 'log' — codes go to
   * the server log and the /dev/sms page (development and the demo only); 'http' — a signed request to a gateway.
   */
  SMS_DRIVER: z.string().optional(),
  SMS_HTTP_URL: z.string().optional(),
  SMS_HTTP_KEY: z.string().optional(),
  SMS_HTTP_TEMPLATE: z.string().optional(),
  SMS_HTTP_SENDER: z.string().optional(),
  SMS_HTTP_TIMEOUT_MS: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${JSON.stringify(z.flattenError(parsed.error).fieldErrors)}`);
    }
    cached = parsed.data;
  }
  return cached;
}
