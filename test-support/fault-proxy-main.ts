/**
 * CLI: `node --import tsx test-support/fault-proxy-main.ts --port P --target URL`. Starts the
 * fault proxy (see fault-proxy.ts), prints one ready line, and is driven over HTTP:
 * `PUT /__faults` with `{"rules": [...]}`, `DELETE /__faults`, `GET /__faults/stats`.
 */
import { parseArgs } from 'node:util';
import { startFaultProxy } from './fault-proxy.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, target: { type: 'string' }, host: { type: 'string' } },
  allowPositionals: false,
});

const port = Number(values.port ?? 0);
if (!Number.isInteger(port) || port < 0 || !values.target) {
  console.error('usage: fault-proxy-main.ts --port P --target URL [--host H]');
  process.exit(2);
}

const proxy = await startFaultProxy({ port, target: values.target, host: values.host });
console.log(`Fault proxy listening on ${proxy.url} -> ${values.target}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void proxy.close().then(() => process.exit(0));
  });
}
