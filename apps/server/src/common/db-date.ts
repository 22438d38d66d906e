/** Raw query dates: mysql2 gives Date objects, SQLite gives UTC text without a zone. */
export function parseDbDate(value: unknown): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : text.replace(' ', 'T') + 'Z');
}
