/**
 * A timestamp column as JavaScript's toISOString writes it (UTC, milliseconds, `Z`), as SQL text to
 * put in a statement; to_char truncates microseconds to milliseconds as a JavaScript Date does, so
 * the text is the same. Reads that hand times on as API text use it instead of a Date round trip.
 */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A timestamp column as epoch milliseconds (SQL text; NULL stays NULL), to the nearest millisecond:
 * the times written from API text carry whole milliseconds. For reads whose times the server only
 * compares: in a locking read of 1,000 parcels it costs 6.3–6.5 ms where isoText costs 8.0–8.8
 * (to_char reads its format anew for every value).
 */
export const epochMillis = (column: string) => `(date_part('epoch', ${column}) * 1000)::bigint`;
