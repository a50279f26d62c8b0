// Summarises a V8 .cpuprofile (node --cpu-prof) as the functions with the most self time, to name the hot spots.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { SqlStatementTime } from './sql-profile.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function where(url: string, line: number): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? relative(repoRoot, fileURLToPath(url)) : url;
  return `${path}:${line + 1}`;
}

/** One line per function, most self time first: share of samples, milliseconds, name and place. */
export function summarizeProfile(path: string, options: { top?: number } = {}): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (!node) return;
    totalMs += ms;
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${where(frame.url, frame.lineNumber)}`;
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  });
  return [...selfMs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.top ?? 20)
    .map(([key, ms]) => `  ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

/** One line per SQL statement timed by sql-profile.ts, most time first: milliseconds, calls, time per call, rows read, the SQL. */
export function summarizeSqlProfile(path: string, options: { top?: number } = {}): string[] {
  const statements = JSON.parse(readFileSync(path, 'utf8')) as SqlStatementTime[];
  const totalMs = statements.reduce((sum, statement) => sum + statement.ms, 0);
  return [
    `  ${totalMs.toFixed(0)} ms in ${statements.reduce((sum, statement) => sum + statement.calls, 0)} statement runs`,
    ...statements
      .slice(0, options.top ?? 20)
      .map(
        (statement) =>
          `  ${statement.ms.toFixed(0).padStart(7)} ms ${String(statement.calls).padStart(9)} × ${((statement.ms * 1000) / statement.calls).toFixed(1).padStart(7)} µs ${String(statement.rows).padStart(9)} rows  ${statement.sql.slice(0, 120)}`,
      ),
  ];
}
