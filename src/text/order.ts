// Order checks that let callers skip a sort: Array.prototype.sort allocates work space even for short arrays already in order.

/** Whether `items` are in order by `compare`, ties allowed: a stable sort would leave them as they are. */
export function isInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let index = 1; index < items.length; index++) {
    if (compare(items[index - 1], items[index]) > 0) return false;
  }
  return true;
}

/** Whether `items` are in strictly increasing order by `compare`: sorted, with no two equal. */
export function isStrictlyInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let index = 1; index < items.length; index++) {
    if (compare(items[index - 1], items[index]) >= 0) return false;
  }
  return true;
}
