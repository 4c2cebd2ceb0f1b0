/**
 * Which IP addresses a webhook may not reach unless the operator allows it: loopback, private,
 * link-local, unspecified, shared (CGNAT) and multicast ranges. Reaching them from the platform
 * would let a subscriber probe the operator's internal network (SSRF).
 */
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

const MAPPED_DOTTED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
/** The same in the hex form URL parsing produces: [::ffff:127.0.0.1] becomes [::ffff:7f00:1]. */
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** The IPv4 address inside an IPv4-mapped IPv6 address, or undefined. */
function mappedIpv4(address: string): string | undefined {
  const dotted = MAPPED_DOTTED.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = MAPPED_HEX.exec(address);
  if (!hex?.[1] || !hex[2]) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address in a blocked range; IPv4-mapped IPv6 (::ffff:10.0.0.1) counts as IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) throw new Error(`"${address}" is not an IP address`);
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
