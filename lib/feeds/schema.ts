import { z } from "zod";
import { lineText } from "../text/schema";

// A feed's address: http(s) only, no user name or password in it (they would be shown on the
// feeds page and sent to whoever the feed redirects to), stored without its fragment.
const feedUrl = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  lineText({ error: "Enter the feed's address." })
    .min(1, "Enter the feed's address.")
    .max(2000, "Use at most 2000 characters.")
    .pipe(z.url({ protocol: /^https?$/, message: "Use an http(s) address, such as https://example.com/feed.xml." }))
    .refine((s) => {
      const u = new URL(s);
      return !u.username && !u.password;
    }, "Leave the user name and password out of the address.")
    .transform((s) => {
      const u = new URL(s);
      u.hash = "";
      return u.toString();
    }),
);

export const MIN_INTERVAL = 5;
export const MAX_INTERVAL = 7 * 24 * 60;
export const DEFAULT_INTERVAL = 60;

// Forms send strings; the API sends numbers. Both are whole minutes.
const interval = z.coerce
  .number({ error: "Enter the minutes between polls." })
  .int("Use whole minutes.")
  .min(MIN_INTERVAL, `Poll at most every ${MIN_INTERVAL} minutes.`)
  .max(MAX_INTERVAL, "Poll at least once a week.");

export const createFeedSchema = z.object({
  outletId: z.uuid("Choose an outlet."),
  url: feedUrl,
  intervalMinutes: z.preprocess((v) => (v === "" || v == null ? undefined : v), interval.default(DEFAULT_INTERVAL)),
});
export type CreateFeedInput = z.infer<typeof createFeedSchema>;

export const feedIdSchema = z.object({ id: z.uuid("Not a feed id.") });

// A form's hidden field says "true" or "false"; JSON says true or false.
const flag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean("Send true or false."));

const changeShape = { paused: flag.optional(), intervalMinutes: interval.optional() };
export const feedChangeSchema = z
  .object(changeShape)
  .strict()
  .refine((c) => c.paused !== undefined || c.intervalMinutes !== undefined, { message: "Change at least one of paused, intervalMinutes." });
export type FeedChange = z.infer<typeof feedChangeSchema>;

export const updateFeedSchema = z
  .object({ ...feedIdSchema.shape, ...changeShape })
  .refine((c) => c.paused !== undefined || c.intervalMinutes !== undefined, { message: "Change at least one of paused, intervalMinutes." });
export type UpdateFeedInput = z.infer<typeof updateFeedSchema>;
