/**
 * Wraps `compute` so it runs once per key object: the rules are asked file by file, and what
 * they work out from a whole review (its files, its endpoints, its existing routes) would
 * otherwise be worked out again for every file, growing with files². Further arguments must
 * be the same for one key (they come from the same review).
 */
export function oncePerReview<Key extends object, Rest extends unknown[], Value>(
  compute: (key: Key, ...rest: Rest) => Value,
): (key: Key, ...rest: Rest) => Value {
  const known = new WeakMap<Key, Value>();
  return (key, ...rest) => {
    if (known.has(key)) return known.get(key) as Value;
    const value = compute(key, ...rest);
    known.set(key, value);
    return value;
  };
}
