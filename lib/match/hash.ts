// Apart from the pair analysis, so that modules that only hash (independence) do not load the NLP model.
/** A 53-bit hash of a string (cyrb53): equal strings, equal hashes; distinct ones collide with odds of about 2^-53. */
export function hash53(str: string): number {
  let h1 = 0xdeadbeef,
    h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Sorted distinct 53-bit hashes of some strings: a set that two passages can intersect by a merge. */
export function hashedSet(xs: Iterable<string>): Float64Array {
  const out = Float64Array.from(xs, hash53).sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i];
  return out.subarray(0, n);
}

/** How many elements two hashedSet lists share. */
export function sharedCount(x: Float64Array, y: Float64Array): number {
  let i = 0,
    j = 0,
    n = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      n++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return n;
}
