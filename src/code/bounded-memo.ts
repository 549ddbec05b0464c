/**
 * Values remembered by a string key, at most `max` of them (past it the oldest goes): the
 * same paths and patches are asked about by every reader of one run, and a long-lived
 * process must not grow without end.
 */
export interface BoundedMemo<Value> {
  get(key: string): Value | undefined;
  set(key: string, value: Value): void;
  /** The remembered value, or `work`'s, remembered now. */
  of(key: string, work: (key: string) => Value): Value;
}

export function createBoundedMemo<Value>(max: number): BoundedMemo<Value> {
  const entries = new Map<string, Value>();
  const set = (key: string, value: Value): void => {
    if (entries.size >= max && !entries.has(key)) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, value);
  };
  return {
    get: (key) => entries.get(key),
    set,
    of(key, work) {
      if (entries.has(key)) return entries.get(key) as Value;
      const value = work(key);
      set(key, value);
      return value;
    },
  };
}
