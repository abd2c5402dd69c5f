// The held-out split of labelled pair data: a quarter of the claims, chosen by a hash of the claim
// text, so that no claim has pairs on both sides of the split. The fit never reads this quarter;
// a second quarter is the fit's own validation set for choosing among model settings.
import crypto from "node:crypto";

export type Part = "train" | "validation" | "heldout";

export function partOf(a: string): Part {
  const h = crypto.createHash("sha1").update(a.trim().toLowerCase()).digest().readUInt32BE(0) % 4;
  return h === 0 ? "heldout" : h === 1 ? "validation" : "train";
}
