/**
 * A small least-recently-used cache of promises: concurrent requests for the same key share one
 * computation, and a failed computation is forgotten so the next request tries again.
 */
export function createPromiseCache<T>(capacity: number) {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key: string, compute: () => Promise<T>): Promise<T> {
      const cached = entries.get(key);
      if (cached) {
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      const created = compute();
      entries.set(key, created);
      void created.catch(() => {
        if (entries.get(key) === created) entries.delete(key);
      });
      while (entries.size > capacity) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return created;
    },
  };
}
