import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { heapGrowingPercent, heapPolicyFlags } from '../../src/cli/heap-policy.ts';

test('the heap policy sets how far the heap grows between full collections', () => {
  assert.deepEqual(heapPolicyFlags([]), [`--heap-growing-percent=${heapGrowingPercent}`]);
  assert.deepEqual(heapPolicyFlags(['--import', 'tsx']), [`--heap-growing-percent=${heapGrowingPercent}`]);
});

test('a growing factor given on the command line is left as it is', () => {
  assert.deepEqual(heapPolicyFlags(['--heap-growing-percent=200']), []);
});

test('applied after start-up, the policy holds a churning heap far below where Node would let it grow', () => {
  // Keeps ~40 MB live while allocating garbage; without the policy V8 lets the heap reach several times that.
  const churn = `
    const live = Array.from({ length: 40 }, () => new Array(131072).fill(1.5));
    let peak = 0;
    for (let round = 0; round < 1500; round++) {
      live[round % live.length] = new Array(131072).fill(round + 0.5);
      peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    console.log(peak / 2 ** 20);`;
  const peakMb = (policy: boolean) => {
    const script = policy ? `import { applyHeapPolicy } from './src/cli/heap-policy.ts'; applyHeapPolicy(); ${churn}` : churn;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return Number(run.stdout.trim());
  };
  const without = peakMb(false);
  const within = peakMb(true);
  assert.ok(within < without * 0.8, `peak heap ${within.toFixed(0)} MB with the policy, ${without.toFixed(0)} MB without`);
});
