/**
 * What kind of address an IP is, for the fetch guard (./guarded-fetch.ts): only `public` addresses may be
 * reached by a redirect or a host name the user did not give. Ranges from the IANA special-purpose
 * registries (IPv4 and IPv6), IPv4-mapped and -compatible IPv6 read as the IPv4 they carry.
 */
import { isIP } from 'node:net';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'multicast' | 'reserved' | 'unspecified';

function v4(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const n = parts.map(Number);
  return n.every((x, i) => Number.isInteger(x) && x >= 0 && x <= 255 && /^\d+$/.test(parts[i]!)) ? n : null;
}

function kindV4([a, b, c]: number[]): AddressKind {
  if (a === 0) return a === 0 && b === 0 && c === 0 ? 'unspecified' : 'reserved';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b! >= 64 && b! <= 127) return 'private'; // carrier-grade NAT
  if (a === 169 && b === 254) return 'link-local';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a! >= 240) return 'reserved'; // including 255.255.255.255
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'reserved'; // IETF protocol assignments, TEST-NET-1
  if ((a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'reserved';
  if (a === 192 && b === 88 && c === 99) return 'reserved';
  return 'public';
}

/** The 8 groups of an IPv6 address (with an embedded IPv4 tail expanded), or null. */
function v6(ip: string): number[] | null {
  let s = ip.toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const q = v4(tail[1]!);
    if (!q) return null;
    s = s.slice(0, -tail[1]!.length) + `${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const part = (x: string) => (x === '' ? [] : x.split(':').map((g) => parseInt(g, 16)));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const groups = [...head, ...Array<number>(Math.max(0, fill)).fill(0), ...rest];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function kindV6(g: number[]): AddressKind {
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96): the IPv4 inside.
  const mapped = g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0);
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (mapped || nat64) return kindV4([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]);
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'; // documentation
  if (g[0] === 0x2002) return kindV4([g[1]! >> 8, g[1]! & 0xff, g[2]! >> 8, g[2]! & 0xff]); // 6to4
  if (g[0] === 0x2001 && g[1]! < 0x200) return 'reserved'; // IETF protocol assignments (Teredo and others)
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard-only
  if ((g[0]! & 0xe000) !== 0x2000) return 'reserved'; // outside global unicast 2000::/3
  return 'public';
}

/** The kind of an IP address; anything that is not one is 'reserved' (refused). */
export function addressKind(ip: string): AddressKind {
  const bare = ip.replace(/^\[|\]$/g, '');
  const fam = isIP(bare.replace(/%.*$/, ''));
  if (fam === 4) return kindV4(v4(bare)!);
  if (fam === 6) {
    const g = v6(bare);
    return g ? kindV6(g) : 'reserved';
  }
  return 'reserved';
}
