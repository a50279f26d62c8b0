// The shapes the benchmark processes hand back and the results file holds.

export interface BriefResult {
  status: 'measured' | 'skipped' | 'failed';
  seconds: number | null;
  note: string | null;
}

/** Wall-clock and CPU time; rates on CPU time are what an idle core would do when the machine is shared. */
export interface Rate {
  wall: number;
  cpu: number;
}

/** Milliseconds per article of one step, and its slowest single article. */
export interface StepTime {
  wallMs: number;
  /** Measured per phase (read, extraction, store); a stage gets the extraction's CPU time in proportion to its wall-clock time. */
  cpuMs: number;
  maxWallMs: number;
}

/** One corpus size streamed through extraction into a fresh store. */
export interface PipelineResult {
  size: number;
  /** When the size hit its time limit: how many articles were done (every rate is over those); else null. */
  stoppedAt: number | null;
  /** UTF-8 size of the generated texts. */
  megabytes: number;
  knowledgeSeconds: number;
  /** Articles extracted (not timed, not stored) before the measured ones, so that rates are the steady pace. */
  warmup: { articles: number; seconds: number };
  /** Time spent generating the corpus (not counted in any rate). */
  generateSeconds: number;
  /**
   * The whole streaming loop, generation included. `systemSeconds` is the part of its CPU time spent in the kernel:
   * mostly page reads and writes, which grows when the OS no longer holds the store's pages in its file cache.
   */
  loop: { wallSeconds: number; cpuSeconds: number; systemSeconds: number };
  /** The cost of one CPU-time reading (five per article fall inside the timed phases). */
  cpuClockMicroseconds: number;
  extraction: {
    /** Text stage plus every extraction stage, summed over the articles. */
    wallSeconds: number;
    cpuSeconds: number;
    articlesPerSecond: Rate;
    megabytesPerSecond: Rate;
    /** The text stage and each stage of defaultStages, by name. */
    stages: Record<string, StepTime>;
    /** Distribution of one article's extraction time, wall-clock milliseconds; the slowest article's index in the corpus. */
    articleMs: { p50: number; p99: number; max: number; slowestIndex: number };
  };
  ingest: {
    /** Reading the text, extraction, store.putDocument and reconcileDocument (the path of `parley ingest`), summed. */
    wallSeconds: number;
    cpuSeconds: number;
    articlesPerSecond: Rate;
    /** Extraction and store.putDocument only, as before reconciling was part of ingest. */
    withoutReconcile: Rate;
    readMs: StepTime;
    storeMs: StepTime;
    reconcileMs: StepTime;
    /** Committing a batch of documents, spread over its documents. */
    commitMs: StepTime;
    statuses: Record<string, number>;
  };
  memory: { peakRssMb: number };
  /** Taken every tenth of the run (and where it stopped): memory, and ingest time so far to show the pace. */
  samples: { articles: number; rssMb: number; heapMb: number; ingestWallSeconds: number }[];
  store: { bytes: number; documents: number; sentences: number };
  corpus: { distinctTexts: number; duplicates: number; rewrites: number };
  search: {
    queries: number;
    rounds: number;
    hits: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    /** Each query's median and slowest time over the rounds, slowest median first. */
    byQuery: { query: string; hits: number; medianMs: number; maxMs: number }[];
  };
  brief: BriefResult;
}

export interface BaselineRate {
  name: string;
  what: string;
  articles: number;
  wallSeconds: number;
  cpuSeconds: number;
  articlesPerSecond: Rate;
  /** Parley's full extraction speed over this one's, on CPU time (above 1: Parley is faster); null for Parley itself. */
  parleySpeedRatio: number | null;
  /** CPU seconds of each round, in the order run; the times above are the median round's. */
  roundCpuSeconds: number[];
}

/** Parley and the libraries a user would reach for, run one after the other on the same articles. */
export interface BaselineResult {
  articles: number;
  /** Articles each library ran on first, not timed (the ones after the measured ones). */
  warmupArticles: number;
  /** Rounds that took each library in turn; each library's rate is its median round. */
  rounds: number;
  megabytes: number;
  tokens: number;
  rates: BaselineRate[];
}

export interface BenchResults {
  date: string;
  mode: 'quick' | 'full' | 'custom';
  seed: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; nodeOptions: string; platform: string; loadAverage: { start: number; end: number } };
  commit: string | null;
  stages: string[];
  sizes: PipelineResult[];
  baselines: BaselineResult | null;
  /**
   * Time at the largest size over time at the size ten times smaller (10 is linear). When the larger run stopped at
   * its time limit, its remaining articles are counted at the pace of its last stretch: a lower bound.
   */
  scaling: { from: number; to: number; extractionRatio: number; ingestRatio: number; ingestWallRatio: number; projected: boolean } | null;
  targets: { name: string; value: string; met: boolean | null; note: string | null }[];
  totalSeconds: number;
}
