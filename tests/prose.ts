// Generated news prose of about `bytes` bytes: distinct check-worthy sentences, so cleaning keeps them
// and extraction finds thousands of claims, as a long real report would.
export function longProse(bytes: number, seed = 1): string {
  const places = ["Bamako", "Niamey", "Abuja", "Accra", "Dakar", "Ouagadougou", "Lome", "Cotonou"];
  const who = ["the defence ministry", "a police spokesman", "the regional governor", "ECOWAS officials", "the interior minister"];
  const parts: string[] = [];
  let n = 0;
  let size = 0;
  while (size < bytes) {
    const i = seed * 1_000_003 + n++;
    const s = `Officials in ${places[i % places.length]} said on Monday that ${1000 + (i % 9000)} soldiers had been deployed to district ${i}, according to ${who[i % who.length]}, and that ${i % 97} people were killed in the attack of ${1 + (i % 28)} August.`;
    parts.push(n % 5 === 0 ? `${s}\n\n` : `${s} `);
    size += s.length + 1;
  }
  return parts.join("").slice(0, bytes);
}
