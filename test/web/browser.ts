// Headless Debian Chromium driven by playwright-core, with the flags this closed-network machine needs; null when Chromium is absent.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoRoot } from '../server/sample-store.ts';

const candidates = [process.env.PARLEY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary to drive, or null on a machine without one. */
export function findChromium(): string | null {
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null;
}

export const skipWithoutChromium: string | false = findChromium()
  ? false
  : 'Chromium not found (install Debian\'s "chromium" package, or set PARLEY_CHROMIUM): browser tests skipped';

// Without the background-networking flags Chromium keeps dialling out of a machine that has no network.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser with a fresh, empty profile folder, removed on close. */
export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<BrowserSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Builds the dashboard if web/dist is missing (a run of this file alone, before `npm test`'s pretest). */
export function ensureDashboardBuilt(): void {
  if (existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) return;
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(repoRoot, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the dashboard failed: ${result.stderr}`);
}
