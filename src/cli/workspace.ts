// The workspace a command runs in: its store file, its knowledge configuration, the options every reading command shares.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option, InvalidArgumentError } from 'commander';
import { loadKnowledge, type Knowledge } from '../knowledge/index.ts';
import { loadManifest } from '../ingest/manifest.ts';
import type { IngestOptions } from '../ingest/index.ts';
import { UsageError } from '../doc/errors.ts';
import { openStore, type OpenStoreOptions } from '../store/open.ts';
import type { Store } from '../store/store.ts';

export const DEFAULT_DB = 'parley.db';
export const DEFAULT_CONFIG = 'parley.config.json';

/** Adds `--db FILE` to a command. */
export function addDbOption(command: Command): Command {
  return command.option('--db <file>', 'the store file', process.env.PARLEY_DB ?? DEFAULT_DB);
}

/** Opens the store a command works on, saying on stderr when an older store is upgraded first: a migration of a large store takes seconds to tens of seconds (5 s at 30,000 articles). */
export function openWorkspaceStore(db: string, options: OpenStoreOptions = {}): Promise<Store> {
  return openStore(db, {
    ...options,
    onUpgrade: (migration, from) => process.stderr.write(`parley: upgrading ${db} from schema ${from} to ${migration.version} (${migration.name}); a large store takes a while\n`),
  });
}

/** Adds `--config FILE`, the workspace's own parties, people and issues. */
export function addConfigOption(command: Command): Command {
  return command.option('--config <file>', `workspace knowledge (parties, people, issues) merged over the defaults; default ./${DEFAULT_CONFIG} when present`);
}

/** Loads the default knowledge plus the workspace configuration, if any. */
export function loadWorkspaceKnowledge(configOption: string | undefined): Knowledge {
  if (configOption !== undefined) {
    const configPath = resolve(configOption);
    if (!existsSync(configPath)) throw new UsageError(`--config ${configOption}: no such file`);
    return loadKnowledge({ configPath });
  }
  const workspaceConfig = resolve(DEFAULT_CONFIG);
  return loadKnowledge(existsSync(workspaceConfig) ? { configPath: workspaceConfig } : {});
}

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

function parseIsoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

/** Adds the options shared by commands that read inputs (`ingest`, `extract`). */
export function addReadOptions(command: Command): Command {
  return command
    .option('--manifest <file>', 'publication metadata per file name (JSON: {"documents": [{"file", "published", "source"}]})')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for every input; wins over the manifest', parseIsoDate)
    .option('--source <name>', 'outlet for every input; wins over the manifest')
    .addOption(new Option('--max-bytes <n>', 'largest input accepted, in bytes').default(10 * 1024 * 1024, '10 MiB').argParser(parsePositiveInteger))
    .addOption(new Option('--timeout <ms>', 'time limit for fetching a URL').default(15000).argParser(parsePositiveInteger))
    .option('--no-fetch-links', 'do not fetch the pages of feed items that carry no full text');
}

export interface ReadOptionValues {
  manifest?: string;
  published?: string;
  source?: string;
  maxBytes: number;
  timeout: number;
  fetchLinks: boolean;
}

/** Turns parsed read options into ingest options (loading the manifest). */
export function toIngestOptions(values: ReadOptionValues): IngestOptions {
  return {
    maxBytes: values.maxBytes,
    timeoutMs: values.timeout,
    manifest: values.manifest === undefined ? undefined : loadManifest(values.manifest),
    published: values.published,
    source: values.source,
    stdin: process.stdin,
    fetchFeedLinks: values.fetchLinks,
  };
}
