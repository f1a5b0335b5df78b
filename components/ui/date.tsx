// Dates render the same on the server and in the browser (fixed locale and time zone),
// so hydration never disagrees about them.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function FormattedDate({
  value,
  withTime = false,
  fallback = "—",
}: {
  value: string | Date | null | undefined;
  withTime?: boolean;
  fallback?: string;
}) {
  if (!value) return <span className="text-muted">{fallback}</span>;
  const date = new Date(value);
  const text = (withTime ? dateTimeFormat : dateFormat).format(date);
  return (
    <time dateTime={date.toISOString()} title={withTime ? `${text} UTC` : undefined}>
      {text}
    </time>
  );
}
