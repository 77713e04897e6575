import type { Span } from '../../core/search';

/** Text with the given spans wrapped in <mark>, so the part that matched the search stands out. */
export function Emphasis({ text, spans }: { text: string; spans: readonly Span[] }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
