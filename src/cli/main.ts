// The `parley` command line: one sub-command per file; the only place that prints.
import { Command, CommanderError } from 'commander';
import { registerIngest } from './ingest.ts';
import { registerSearch } from './search.ts';
import { registerStats } from './stats.ts';
import { registerExtract } from './extract.ts';
import { registerActors } from './actors.ts';
import { registerBrief } from './brief.ts';
import { registerPositions } from './positions.ts';
import { registerTimeline } from './timeline.ts';
import { registerShow } from './show.ts';
import { registerEval } from './eval.ts';
import { registerServe } from './serve.ts';
import { EXIT_USAGE, reportFatal, stopWhenOutputCloses } from './terminal.ts';
import { applyHeapPolicy } from './heap-policy.ts';

applyHeapPolicy();
stopWhenOutputCloses();

const program = new Command('parley')
  .description('Follow a negotiation through the news: ingest articles, extract who stands where on what, with evidence.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerIngest(program);
registerSearch(program);
registerStats(program);
registerExtract(program);
registerActors(program);
registerBrief(program);
registerPositions(program);
registerTimeline(program);
registerShow(program);
registerEval(program);
registerServe(program);

program.addHelpText(
  'after',
  `
Examples:
  $ parley ingest samples/articles --manifest samples/manifest.json
  $ parley brief --format html --out brief.html
  $ parley search "security guarantees"
  $ parley stats
  $ parley actors --kind person
  $ parley extract article.txt --format json
  $ parley eval --gold gold.json extraction.json
  $ parley serve --port 8080

Exit codes: 0 ok, 1 some inputs failed, 2 usage error.`,
);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version exit 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.exitCode = reportFatal(error);
  }
}
