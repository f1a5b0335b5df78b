// Which network addresses a handler's fetch may reach. A tool's allowed domains say which *names*
// it may use; this says which *addresses* any name may lead to: public unicast only, unless the
// operator allows specific private ranges (ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS) for self-hosted
// intranet APIs. Checked when allowed domains are saved (IP literals and names that are always
// local) and, authoritatively, on the resolved address of every connection (sandbox-fetch.ts).
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

/** Resolves a host name to its addresses (tests inject one; the default asks the system resolver). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export type NetworkPolicy = {
  /** CIDRs (`10.0.0.0/8`, `fd00::/8`, `192.168.1.20`) reachable even though they are not public. */
  allowPrivateNetworks: string[];
  resolveHost?: ResolveHost;
};

// Why each non-public range is refused, in the words the studio shows.
const RANGE_REASONS: Record<string, string> = {
  loopback: "a loopback address (this server itself)",
  unspecified: "the unspecified address (it reaches this server)",
  private: "a private network address",
  uniqueLocal: "a unique-local (private) IPv6 address",
  linkLocal: "a link-local address (where cloud metadata services live)",
  carrierGradeNat: "a carrier-grade NAT (shared) address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

// Names that always mean this machine or the cloud provider's metadata service, whatever DNS says.
const LOCAL_NAMES = [/^localhost$/, /\.localhost$/, /^metadata\.google\.internal$/, /^metadata$/];

/** Parses one CIDR or address; null when it is neither. */
export function parseNetwork(entry: string): Cidr | null {
  const value = entry.trim();
  try {
    if (value.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(value);
      return [normalize(address), address.kind() === "ipv6" && normalize(address).kind() === "ipv4" ? bits - 96 : bits];
    }
    const address = normalize(ipaddr.parse(value));
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

// IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address it carries.
function normalize(address: Address): Address {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

const parsedNetworks = new Map<string, Cidr[]>();

function allowedNetworks(entries: string[]): Cidr[] {
  const key = entries.join(",");
  let parsed = parsedNetworks.get(key);
  if (!parsed) {
    parsed = entries.map(parseNetwork).filter((cidr) => cidr !== null);
    parsedNetworks.set(key, parsed);
  }
  return parsed;
}

/**
 * Why `address` (an IP literal) may not be reached, or null when it may: a public unicast
 * address, or one inside a range the operator allowed.
 */
export function refusedAddressReason(address: string, allowPrivateNetworks: string[]): string | null {
  let parsed: Address;
  try {
    parsed = normalize(ipaddr.parse(address.replace(/^\[|\]$/g, "")));
  } catch {
    return "not a valid IP address";
  }
  const range = parsed.range();
  if (range === "unicast") return null;
  if (allowedNetworks(allowPrivateNetworks).some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits)))
    return null;
  return RANGE_REASONS[range] ?? `a reserved address (${range})`;
}

/**
 * Save-time check of one allowed-domain entry's host name (already lower-case, without scheme or
 * port): IP literals in any spelling the URL parser accepts (decimal, octal, hex, IPv4-mapped
 * IPv6) and names that are always local. Names are checked again, on their resolved addresses,
 * at every connection.
 */
export function refusedHostReason(hostname: string, allowPrivateNetworks: string[]): string | null {
  const bare = hostname.replace(/^\*\./, "");
  if (LOCAL_NAMES.some((pattern) => pattern.test(bare))) return `${bare} always names this server or its cloud metadata service`;
  let normalized: string;
  try {
    normalized = new URL(`http://${bare.includes(":") && !bare.startsWith("[") ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return null; // not a host the URL parser accepts: the format check explains that
  }
  const literal = normalized.replace(/^\[|\]$/g, "");
  if (!isIP(literal)) return null;
  const reason = refusedAddressReason(literal, allowPrivateNetworks);
  return reason && `${hostname} is ${reason}`;
}

/**
 * The message a handler (and the execution record) sees for a refused connection. `resolved`:
 * the address a host name led to (omitted for an IP literal).
 */
export function refusedConnectionMessage(host: string, reason: string, resolved?: string): string {
  const shown = resolved ? `${host} (${resolved})` : host;
  return `fetch to ${shown} was blocked: it is ${reason}. Handlers may only reach public addresses; an operator can allow private networks with ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS`;
}

export class AddressRefused extends Error {
  readonly code = "ATELIER_ADDRESS_REFUSED";
}

const systemResolve: ResolveHost = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * A `lookup` for net/tls connections that resolves the name, refuses the connection unless every
 * address is allowed, and hands back exactly the addresses it checked: the socket connects to
 * what was checked, so a second DNS answer (rebinding) never comes into play.
 */
export function createCheckedLookup(policy: NetworkPolicy): LookupFunction {
  const resolve = policy.resolveHost ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`${hostname} could not be resolved`), { code: "ENOTFOUND" });
        for (const address of addresses) {
          const reason = refusedAddressReason(address, policy.allowPrivateNetworks);
          if (reason) throw new AddressRefused(refusedConnectionMessage(hostname, reason, address));
        }
        const family = (address: string) => (isIP(address) === 6 ? 6 : 4);
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => family(a) === options.family) : addresses;
        if (wanted.length === 0) throw Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: "ENOTFOUND" });
        if (options.all)
          callback(
            null,
            wanted.map((address) => ({ address, family: family(address) })),
          );
        else callback(null, wanted[0], family(wanted[0]));
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };
}
