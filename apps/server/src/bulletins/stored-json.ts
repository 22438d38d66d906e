/** A JSON column's value (a version's body, image ids, tags), or `fallback` when it does not parse. */
export function parseStored<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}
