import { z } from "zod";
import { normalizeName } from "./names";

// Postgres refuses NUL in text (22021) and other control characters only make trouble: they hide
// in names, break CSV and terminals. One rule for every boundary: no C0 or C1 control characters,
// except that prose may hold tabs and line breaks (a CR of a CRLF file included).
// eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above
const PROSE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const CONTROL_MESSAGE = "Remove the control characters (such as NUL) from this text.";

type Params = Parameters<typeof z.string>[0];

export const hasLineControls = (s: string) => LINE_CONTROLS.test(s);
export const hasProseControls = (s: string) => PROSE_CONTROLS.test(s);

/** One line of text: a title, a search, a setting. */
export const lineText = (params?: Params) => z.string(params).refine((s) => !LINE_CONTROLS.test(s), CONTROL_MESSAGE);

/** Several lines: article text, a rationale, notes. */
export const proseText = (params?: Params) => z.string(params).refine((s) => !PROSE_CONTROLS.test(s), CONTROL_MESSAGE);

/**
 * A name (outlet, user, token, story): normalised by normalizeName before the given checks, so
 * lengths and uniqueness are judged on what is stored. `inner` is usually lineText().min().max().
 */
export const nameText = <S extends z.ZodType>(inner: S) => z.preprocess((v) => (typeof v === "string" ? normalizeName(v) : v), inner);
