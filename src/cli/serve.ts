// `parley serve`: the JSON API and the dashboard over a store, on loopback unless told otherwise (and then only with a token).
import { Command, Option, InvalidArgumentError } from 'commander';
import { UsageError } from '../doc/errors.ts';
import { createApp, isLoopbackHost, listen } from '../server/index.ts';
import { addConfigOption, addDbOption, loadWorkspaceKnowledge, openWorkspaceStore } from './workspace.ts';
import { printLines } from './terminal.ts';

interface ServeOptionValues {
  db: string;
  config?: string;
  host: string;
  port: number;
  token?: string;
  allowIngest?: boolean;
  maxBytes: number;
  timeout: number;
}

export const DEFAULT_PORT = 8080;

function parsePort(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return number;
}

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the store as a JSON API (see /openapi.json) and a web dashboard')
    .option('--host <address>', 'address to listen on; anything but loopback requires a token', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, DEFAULT_PORT)
    .addOption(new Option('--token <secret>', 'require this token on every request (default: $PARLEY_TOKEN)').env('PARLEY_TOKEN'))
    .option('--allow-ingest', 'accept POST /api/ingest (documents or URL lists), stored as `parley ingest` would')
    .addOption(new Option('--max-bytes <n>', 'largest body or fetched page accepted for ingest, in bytes').default(10 * 1024 * 1024, '10 MiB').argParser(parsePositiveInteger))
    .addOption(new Option('--timeout <ms>', 'time limit for fetching a URL posted for ingest').default(15000).argParser(parsePositiveInteger));
  addDbOption(command);
  addConfigOption(command);
  command.addHelpText(
    'after',
    `
On 127.0.0.1 (the default) no token is needed and only loopback host names are answered.
With --host 0.0.0.0 (or any other address) a token is required: clients send
"Authorization: Bearer TOKEN"; a browser opens the dashboard once at /?token=TOKEN.`,
  );
  command.action(async (values: ServeOptionValues) => {
    const token = values.token?.trim() || null;
    if (!isLoopbackHost(values.host) && token === null) {
      throw new UsageError(`--host ${values.host} would let other machines read the store: also pass --token SECRET (or set PARLEY_TOKEN)`);
    }
    const kb = values.allowIngest ? loadWorkspaceKnowledge(values.config) : null;
    const store = await openWorkspaceStore(values.db, { mustExist: !values.allowIngest });
    const app = createApp(store, {
      token,
      ingest: kb ? { kb, maxBytes: values.maxBytes, timeoutMs: values.timeout } : null,
      onInternalError: (error) => process.stderr.write(`parley serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    });
    let server;
    try {
      server = await listen(app, { host: values.host, port: values.port, token });
    } catch (error) {
      await store.close();
      throw error;
    }
    printLines([
      `Parley is serving ${values.db} at ${server.url}/ (API: ${server.url}/api/…, described at ${server.url}/openapi.json)`,
      token ? `A token is required: open ${server.url}/?token=… once in a browser, or send "Authorization: Bearer …".` : 'Only this machine can connect.',
      values.allowIngest ? 'POST /api/ingest is on.' : 'Read-only (start with --allow-ingest to accept POST /api/ingest).',
      'Press Ctrl-C to stop.',
    ]);
    const running = server;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    await store.close();
  });
}
