/**
 * A timestamp column as JavaScript's toISOString writes it (UTC, milliseconds, `Z`), as SQL text to
 * put in a statement; to_char truncates microseconds to milliseconds as a JavaScript Date does, so
 * the text is the same. Reads that hand times on as API text use it instead of a Date round trip.
 */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
