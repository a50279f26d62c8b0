// Child process for crash.test.ts: stores generated documents one transaction each, reporting each on stdout, until killed.
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { generatedDoc } from './fixtures.ts';

const [path, firstArg, lastArg] = process.argv.slice(2);
const first = Number(firstArg);
const last = Number(lastArg);

// If the parent test dies without killing us, its end of stdin closes: stop rather than linger.
process.stdin.on('end', () => process.exit(3));
process.stdin.resume();

const store = await openSqliteStore(path);
for (let n = first; n <= last; n++) {
  await store.putDocument(generatedDoc(n, { sentences: 120 }));
  process.stdout.write(`stored ${n}\n`);
}
await store.close();
process.stdout.write('done\n');
process.exit(0);
