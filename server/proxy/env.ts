/** Proxy settings, read from the environment (never shipped to the browser). */
export interface UpstreamSettings {
  /** CATMAID root URL with a trailing slash, e.g. `https://example.org/catmaid/`. */
  url: URL;
  token: string | undefined;
  basicUser: string | undefined;
  basicPassword: string | undefined;
  /** Project to open when the URL names none. */
  defaultProjectId: number | undefined;
  /** True when this is the embedded demo server started by us. */
  isDemo: boolean;
  /** How long the browser waits for progress before calling a request stalled (default 30 s). */
  stallTimeoutMs?: number | undefined;
  /** Skeleton data requests to CATMAID at once, all browsers together (upstream-gate.ts). */
  upstreamConcurrency?: number | undefined;
}

export interface EnvSettings {
  catmaidUrl: URL | undefined;
  token: string | undefined;
  basicUser: string | undefined;
  basicPassword: string | undefined;
  defaultProjectId: number | undefined;
  stallTimeoutMs: number;
  upstreamConcurrency: number;
}

export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
export const DEFAULT_UPSTREAM_CONCURRENCY = 8;
const STALL_TIMEOUT_RANGE = [1_000, 600_000] as const;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function normaliseRootUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`CATMAID_URL must be an http(s) URL, got ${raw}`);
  }
  if (url.username || url.password) {
    throw new Error(
      'CATMAID_URL must not contain credentials: use CATMAID_HTTP_USER/CATMAID_HTTP_PASSWORD',
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

export function readEnvSettings(env: NodeJS.ProcessEnv): EnvSettings {
  const rawUrl = nonEmpty(env.CATMAID_URL);
  const rawProject = nonEmpty(env.CATMAID_PROJECT);
  const projectId = rawProject === undefined ? undefined : Number(rawProject);
  if (projectId !== undefined && !Number.isInteger(projectId)) {
    throw new Error(`CATMAID_PROJECT must be a project id (an integer), got ${rawProject}`);
  }
  const rawStall = nonEmpty(env.DASHBOARD_STALL_TIMEOUT_MS);
  const stallTimeoutMs = rawStall === undefined ? DEFAULT_STALL_TIMEOUT_MS : Number(rawStall);
  const [minStall, maxStall] = STALL_TIMEOUT_RANGE;
  if (!Number.isInteger(stallTimeoutMs) || stallTimeoutMs < minStall || stallTimeoutMs > maxStall) {
    throw new Error(
      `DASHBOARD_STALL_TIMEOUT_MS must be whole milliseconds from ${minStall} to ${maxStall}, got ${rawStall}`,
    );
  }
  const rawConcurrency = nonEmpty(env.CATMAID_CONCURRENCY);
  const upstreamConcurrency =
    rawConcurrency === undefined ? DEFAULT_UPSTREAM_CONCURRENCY : Number(rawConcurrency);
  if (!Number.isInteger(upstreamConcurrency) || upstreamConcurrency < 1) {
    throw new Error(
      `CATMAID_CONCURRENCY must be a whole number of requests (1 or more), got ${rawConcurrency}`,
    );
  }
  return {
    catmaidUrl: rawUrl ? normaliseRootUrl(rawUrl) : undefined,
    token: nonEmpty(env.CATMAID_TOKEN),
    basicUser: nonEmpty(env.CATMAID_HTTP_USER),
    basicPassword: nonEmpty(env.CATMAID_HTTP_PASSWORD),
    defaultProjectId: projectId,
    stallTimeoutMs,
    upstreamConcurrency,
  };
}
