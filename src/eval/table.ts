// Renders an evaluation as text: the metrics table in score.py's layout (so the two can be diffed) and one line per finding.
import { reprLikePython, toFixedLikePython } from './python-values.ts';
import type { EvalFinding, EvalMetrics } from './score.ts';

const factRows = ['persons', 'stances', 'events', 'quotes', 'quantities'] as const;
const summaryRows = [
  'person_party_accuracy',
  'stance_act_accuracy',
  'event_date_accuracy',
  'quote_speaker_accuracy',
  'boilerplate_removed',
  'not_person_hits',
  'missing_docs',
] as const;

/** The metrics table, line for line as score.py prints it (two-decimal rates, Python's None and 1.0). */
export function formatScoreTable(metrics: EvalMetrics): string[] {
  const lines = factRows.map((key) => {
    const score = metrics[key];
    const rates = `P=${toFixedLikePython(score.precision, 2)} R=${toFixedLikePython(score.recall, 2)} F1=${toFixedLikePython(score.f1, 2)}`;
    return `${key.padEnd(11)} ${rates}  (tp ${score.tp} fp ${score.fp} fn ${score.fn})`;
  });
  for (const key of summaryRows) {
    const value = metrics[key];
    const shown = value === null ? 'None' : key === 'not_person_hits' || key === 'missing_docs' ? String(value) : reprLikePython(value);
    lines.push(`${key.padEnd(23)} ${shown}`);
  }
  return lines;
}

/** One line per miss, false positive or wrong attribute: `FILE: what`. */
export function formatFindings(findings: readonly EvalFinding[]): string[] {
  return findings.map((finding) => `${finding.file}: ${finding.message}`);
}
