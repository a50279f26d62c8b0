// Wall-clock and CPU time side by side: on a shared machine the CPU time is what the same work costs on an idle core.

/** Wall-clock laps: cheap enough (well under a microsecond) to take around every stage of every article. */
export class WallClock {
  private last = performance.now();

  /** Milliseconds since the previous lap. */
  lap(): number {
    const now = performance.now();
    const lap = now - this.last;
    this.last = now;
    return lap;
  }
}

/**
 * CPU-time laps of this process (all its threads, garbage collection included). Reading it is a system call of a
 * few microseconds, so it is taken per phase of an article (extraction, store), not per stage.
 */
export class CpuClock {
  private last = process.cpuUsage();

  /** Milliseconds of CPU time since the previous lap. */
  lap(): number {
    const now = process.cpuUsage();
    const lap = (now.user - this.last.user + now.system - this.last.system) / 1000;
    this.last = now;
    return lap;
  }
}

export interface TimeTotal {
  wallMs: number;
  cpuMs: number;
  /** The longest single wall-clock lap. */
  maxWallMs: number;
}

/** Laps summed under names (stages, phases). */
export class TimeTotals {
  readonly totals = new Map<string, TimeTotal>();

  constructor(names: readonly string[] = []) {
    for (const name of names) this.entry(name);
  }

  private entry(name: string): TimeTotal {
    let total = this.totals.get(name);
    if (total === undefined) this.totals.set(name, (total = { wallMs: 0, cpuMs: 0, maxWallMs: 0 }));
    return total;
  }

  addWall(name: string, ms: number): void {
    const total = this.entry(name);
    total.wallMs += ms;
    total.maxWallMs = Math.max(total.maxWallMs, ms);
  }

  addCpu(name: string, ms: number): void {
    this.entry(name).cpuMs += ms;
  }

  get(name: string): TimeTotal {
    return this.totals.get(name) ?? { wallMs: 0, cpuMs: 0, maxWallMs: 0 };
  }

  /** Wall-clock milliseconds summed over `names`. */
  wallSum(names: readonly string[]): number {
    return names.reduce((sum, name) => sum + this.get(name).wallMs, 0);
  }
}
