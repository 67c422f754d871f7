// A report is built once and then only read: frozen all the way down, so that a field set afterwards (by a
// caller, a renderer, a publisher) throws where it is written instead of changing what was already decided.

/** Freezes `value` and every object reachable from it, and returns it. */
export function deepFreeze<T>(value: T): T {
  const seen = new WeakSet<object>();
  const freeze = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    Object.freeze(node);
    if (Array.isArray(node)) {
      for (const item of node) freeze(item);
      return;
    }
    for (const key of Object.keys(node)) freeze((node as Record<string, unknown>)[key]);
  };
  freeze(value);
  return value;
}
