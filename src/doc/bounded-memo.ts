// Results of a function kept for the inputs met before, so that a hot path computes each distinct input once.

/** `compute` with its results remembered; emptied when it holds `limit` of them, so a long run never keeps more. */
export function boundedMemo<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}
