/**
 * CLI: `tsx server/demo/main.ts --port N [--host H] [--scale S] [--seed N] [--fragments N]` (also
 * DEMO_PORT, DEMO_HOST, DEMO_SCALE, DEMO_SEED, DEMO_TOKEN, DEMO_FRAGMENTS; DEMO_LAB=1 adds the
 * 10M-node project 3; DEMO_COST_US_PER_NODE and DEMO_WORKERS model a real CATMAID's server time). Prints one ready line, then one line per request.
 */
import { parseArgs } from 'node:util';
import { costModelFromEnv } from './cost.ts';
import { startDemoServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    scale: { type: 'string' },
    seed: { type: 'string' },
    token: { type: 'string' },
    fragments: { type: 'string' },
  },
  allowPositionals: false,
});

function num(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`invalid ${name}: ${value}`);
    process.exit(2);
  }
  return n;
}

const env = process.env;
const server = await startDemoServer({
  port: num(values.port ?? env.DEMO_PORT, 0, 'port'),
  host: values.host ?? env.DEMO_HOST ?? '127.0.0.1',
  scale: num(values.scale ?? env.DEMO_SCALE, 1, 'scale'),
  seed: num(values.seed ?? env.DEMO_SEED, 1, 'seed'),
  token: (values.token ?? env.DEMO_TOKEN)?.trim() || undefined,
  fragments: num(values.fragments ?? env.DEMO_FRAGMENTS, 0, 'fragments'),
  lab: env.DEMO_LAB === '1',
  cost: costModelFromEnv(env),
  log: (line) => console.log(line),
});
console.log(`CATMAID demo server listening on ${server.url}`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
