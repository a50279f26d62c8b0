// Takes the README's screenshot: the sample corpus in the dashboard, the brief with a matrix cell open on its evidence (npm run screenshot [-- FILE] [PATH]).
import { join } from 'node:path';
import { repoRoot } from '../server/sample-store.ts';
import { findChromium } from './browser.ts';
import { startDashboard } from './harness.ts';

interface PositionsAnswer {
  cells: { issue: string; party: string; independentSources: number; history: unknown[] }[];
}

const output = process.argv[2] ?? join(repoRoot, 'docs', 'dashboard.png');
if (!findChromium()) {
  process.stderr.write('screenshot: Chromium not found (install Debian\'s "chromium" package, or set PARLEY_CHROMIUM)\n');
  process.exit(1);
}
const dashboard = await startDashboard({ width: 1440, height: 900 });
try {
  let path = process.argv[3];
  if (!path) {
    // The brief's story, and in it the best-sourced cell whose act changed over time: colour, history and evidence at once.
    const brief = (await (await fetch(`${dashboard.server.url}/api/brief`)).json()) as { story: { id: string } | null };
    const story = brief.story?.id ?? null;
    const positions = (await (await fetch(`${dashboard.server.url}/api/positions${story ? `?story=${story}` : ''}`)).json()) as PositionsAnswer;
    const cell = [...positions.cells].sort((a, b) => Math.min(b.history.length, 2) - Math.min(a.history.length, 2) || b.independentSources - a.independentSources)[0];
    const params = new URLSearchParams();
    if (story) params.set('story', story);
    if (cell) params.set('cell', `${cell.issue}|${cell.party}`);
    path = `/?${params.toString()}`;
  }
  const page = await dashboard.browser.context.newPage();
  await page.goto(`${dashboard.server.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: output });
  process.stdout.write(`${output}: ${path}\n`);
} finally {
  await dashboard.close();
}
