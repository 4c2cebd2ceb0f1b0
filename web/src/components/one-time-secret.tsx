// A secret the server shows only once (a new API key, a webhook signing secret): set apart, easy
// to select, and said to be unrepeatable.
export function OneTimeSecret({ label, secret }: { label: string; secret: string }) {
  return (
    <p className="new-key" role="status">
      {label} <code>{secret}</code>
    </p>
  );
}
