// A tiny dependency-free checker for parsed JSON (the solver may import nothing outside src/solver/).
// A Shape reports every mismatch with the field's path, e.g. `jobs[0].id must be an integer`, and
// narrows the value's type when there is none. `objectWith<T>` requires one entry per field of T, so
// the compiler keeps a field table in step with the TypeScript interface it guards.

/** Receives one mismatch: the field's path (`''` for the whole document) and what is wrong with it. */
export type Report = (path: string, problem: string) => void;

/**
 * Builds a field's path on demand: only mismatches need it, and spelling `matrices.car.durations[i][j]`
 * for each of a million matrix values would cost more than checking them.
 */
export type Path = () => string;

/** The path of the whole document. */
export const documentRoot: Path = () => '';

/** What a JSON value must look like; a value passing `check` has type T. */
export interface Shape<T> {
  /** True when `value` fits; otherwise calls `report` for every mismatch at or below `path`. */
  check(value: unknown, path: Path, report: Report): value is T;
}

/** Marks a field that may be absent. */
export interface OptionalField<T> {
  readonly optional: Shape<T>;
}

/** One shape per field of T: optional fields of T need `optional(...)`, required ones a plain Shape. */
export type FieldTable<T> = {
  [K in keyof T]-?: object extends Pick<T, K> ? OptionalField<T[K]> : Shape<T[K]>;
};

/** A field that may be absent but must fit `shape` when present. */
export function optional<T>(shape: Shape<T>): OptionalField<T> {
  return { optional: shape };
}

/** Builds a shape from a type test on the value itself, with no inner fields to visit. */
function leaf<T>(description: string, fits: (value: unknown) => value is T): Shape<T> {
  return {
    check(value, path, report): value is T {
      if (fits(value)) return true;
      report(path(), `must be ${description}`);
      return false;
    },
  };
}

/** A JSON number (always finite) accepted by `accepts`, e.g. `numberWhere('an integer', Number.isInteger)`. */
export function numberWhere(description: string, accepts: (value: number) => boolean): Shape<number> {
  return leaf(description, (value): value is number => typeof value === 'number' && accepts(value));
}

/** Any JSON string. */
export const text: Shape<string> = leaf('a string', (value): value is string => typeof value === 'string');

/** An array whose items all fit `item`; `nonEmpty` additionally refuses `[]`. */
export function arrayOf<T>(item: Shape<T>, description: string, nonEmpty = false): Shape<T[]> {
  return {
    check(value, path, report): value is T[] {
      if (!Array.isArray(value)) {
        report(path(), `must be ${description}`);
        return false;
      }
      if (nonEmpty && value.length === 0) {
        report(path(), 'must not be empty');
        return false;
      }
      return allFit(value, (entry, i) => item.check(entry, () => `${path()}[${i}]`, report));
    },
  };
}

/** Exactly two items, both fitting `item`, e.g. `[start, end]` or `[lon, lat]`. */
export function pairOf<T>(item: Shape<T>, description: string): Shape<[T, T]> {
  const items = arrayOf(item, description);
  return {
    check(value, path, report): value is [T, T] {
      if (Array.isArray(value) && value.length !== 2) {
        report(path(), `must be ${description}, got ${value.length} items`);
        return false;
      }
      return items.check(value, path, report);
    },
  };
}

/** A JSON object with the fields of `fields` and no others; unknown fields are named in the report. */
export function objectWith<T>(fields: FieldTable<T>): Shape<T> {
  const table: Record<string, OptionalField<unknown> | Shape<unknown>> = fields;
  return {
    check(value, path, report): value is T {
      if (!isObject(value)) {
        report(path(), 'must be an object');
        return false;
      }
      const unknown = Object.keys(value).filter((name) => !Object.hasOwn(table, name));
      for (const name of unknown) report(fieldOf(path, name)(), 'is not a supported field');
      const entries = Object.entries(table);
      const absent = entries.filter(([name]) => !Object.hasOwn(value, name));
      const missing = absent.filter(([, entry]) => !('optional' in entry)).map(([name]) => name);
      if (missing.length > 0) report(path(), `is missing ${missing.join(', ')}`);
      const fieldsFit = allFit(entries, ([name, entry]) => {
        if (!Object.hasOwn(value, name)) return true;
        const shape = 'optional' in entry ? entry.optional : entry;
        return shape.check(value[name], fieldOf(path, name), report);
      });
      return unknown.length === 0 && missing.length === 0 && fieldsFit;
    },
  };
}

/** An object used as a map: any key, every value fitting `item` (e.g. matrices by profile name). */
export function recordOf<T>(item: Shape<T>, description: string): Shape<Record<string, T>> {
  return {
    check(value, path, report): value is Record<string, T> {
      if (!isObject(value)) {
        report(path(), `must be ${description}`);
        return false;
      }
      return allFit(Object.entries(value), ([name, entry]) => item.check(entry, fieldOf(path, name), report));
    },
  };
}

/** Checks every entry, not stopping at the first misfit so one call reports them all; true when all fit. */
function allFit<E>(entries: E[], fits: (entry: E, index: number) => boolean): boolean {
  let all = true;
  entries.forEach((entry, index) => {
    if (!fits(entry, index)) all = false;
  });
  return all;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `jobs[0]` + `id` → `jobs[0].id`; at the document root the path is the bare name. */
function fieldOf(path: Path, name: string): Path {
  return () => {
    const parent = path();
    return parent === '' ? name : `${parent}.${name}`;
  };
}
