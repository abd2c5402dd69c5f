import type { FeedJson } from "@/lib/feeds/data";

export const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

// The feed's state in words: paused wins, then a poll under way, then how the last poll went.
export function FeedStatusText({ feed }: { feed: FeedJson }) {
  const base = feed.status === "ERROR" ? `Error${feed.failures > 1 ? ` (${feed.failures} in a row)` : ""}` : feed.status === "OK" ? "OK" : "Not polled yet";
  return (
    <span className={feed.status === "ERROR" ? "font-medium text-red-800" : undefined}>
      {base}
      {feed.paused && <> · paused</>}
      {feed.polling && <> · polling…</>}
    </span>
  );
}
