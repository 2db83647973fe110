// Fallible calls that cross a context boundary return a value instead of throwing: an
// exception does not survive structured cloning between contexts, and a rejected promise
// from sendMessage cannot be told apart from "nobody listened".
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
