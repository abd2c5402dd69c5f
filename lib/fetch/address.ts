import net from "node:net";

// Which addresses the desk's fetcher may never connect to (docs/decisions/022). A page the admin
// names, or a feed item, or a redirect from either, must not reach the desk's own network: the
// database, the cloud's metadata service, a router's admin page. Pure and DNS-free.

export type BlockedKind =
  "unspecified" | "loopback" | "private" | "link_local" | "cgnat" | "unique_local" | "multicast" | "metadata" | "reserved" | "documentation";

type V4Range = [number, number, BlockedKind]; // base as a 32-bit number, prefix length

const v4 = (s: string) => s.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const V4_RANGES: V4Range[] = [
  [v4("169.254.169.254"), 32, "metadata"],
  [v4("0.0.0.0"), 8, "unspecified"],
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "cgnat"],
  [v4("127.0.0.0"), 8, "loopback"],
  [v4("169.254.0.0"), 16, "link_local"],
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "reserved"],
  [v4("192.0.2.0"), 24, "documentation"],
  [v4("192.88.99.0"), 24, "reserved"],
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "reserved"],
  [v4("198.51.100.0"), 24, "documentation"],
  [v4("203.0.113.0"), 24, "documentation"],
  [v4("224.0.0.0"), 4, "multicast"],
  [v4("240.0.0.0"), 4, "reserved"], // includes 255.255.255.255
];

function inV4(n: number, base: number, bits: number): boolean {
  if (bits === 0) return true;
  const shift = 32 - bits;
  return Math.floor(n / 2 ** shift) === Math.floor(base / 2 ** shift);
}

function classifyV4(addr: string): BlockedKind | null {
  const n = v4(addr);
  for (const [base, bits, kind] of V4_RANGES) if (inV4(n, base, bits)) return kind;
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with "::" and a dotted IPv4 tail expanded). */
export function ipv6Groups(addr: string): number[] | null {
  let s = addr.toLowerCase().replace(/^\[|\]$/g, "");
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!net.isIPv6(s)) return null;
  const tail = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const n = v4(tail[1]);
    s = s.slice(0, -tail[1].length) + `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head, rest] = s.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const r = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const fill = rest === undefined ? [] : Array(8 - h.length - r.length).fill("0");
  const groups = [...h, ...fill, ...r].map((g) => parseInt(g, 16));
  return groups.length === 8 ? groups : null;
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

function classifyV6(addr: string): BlockedKind | null {
  const g = ipv6Groups(addr);
  if (!g) return "reserved";
  const zeroTo = (k: number) => g.slice(0, k).every((x) => x === 0);
  if (g.every((x) => x === 0)) return "unspecified";
  if (zeroTo(7) && g[7] === 1) return "loopback";
  // fd00:ec2::254, the AWS metadata service over IPv6 (inside fc00::/7, named for clarity).
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "metadata";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and the
  // SIIT form (::ffff:0:a.b.c.d) carry an IPv4 address that decides.
  if (zeroTo(5) && g[5] === 0xffff) return classifyV4(v4From(g[6], g[7]));
  if (zeroTo(4) && g[4] === 0xffff && g[5] === 0) return classifyV4(v4From(g[6], g[7]));
  if (zeroTo(6)) return classifyV4(v4From(g[6], g[7])) ?? "reserved";
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(v4From(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "reserved"; // local-use NAT64
  // 6to4 (2002:a.b.c.d::/48): the embedded IPv4 is where packets go.
  if (g[0] === 0x2002) return classifyV4(v4From(g[1], g[2]));
  if ((g[0] & 0xffc0) === 0xfe80) return "link_local";
  if ((g[0] & 0xffc0) === 0xfec0) return "private"; // deprecated site-local
  if ((g[0] & 0xfe00) === 0xfc00) return "unique_local";
  if ((g[0] & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "documentation";
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return "reserved"; // discard prefix
  if (g[0] === 0x2001 && g[1] < 0x0200) return "reserved"; // IETF protocol assignments (Teredo, ORCHID…)
  return null;
}

/** Why an address is refused, or null when it is a public unicast address. Not an IP: "reserved". */
export function blockedKind(address: string): BlockedKind | null {
  const a = address.replace(/^\[|\]$/g, "");
  if (net.isIPv4(a)) return classifyV4(a);
  if (net.isIPv6(a.split("%")[0])) return classifyV6(a);
  return "reserved";
}
