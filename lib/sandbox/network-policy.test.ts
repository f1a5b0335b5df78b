import { describe, expect, it } from "vitest";
import { parseNetwork, refusedAddressReason, refusedHostReason } from "./network-policy";

const refused = (address: string, allow: string[] = []) => refusedAddressReason(address, allow);

describe("refusedAddressReason", () => {
  it("refuses every non-public IPv4 range", () => {
    expect(refused("127.0.0.1")).toMatch(/loopback/);
    expect(refused("127.255.0.9")).toMatch(/loopback/);
    expect(refused("0.0.0.0")).toMatch(/unspecified/);
    expect(refused("10.1.2.3")).toMatch(/private/);
    expect(refused("172.16.0.1")).toMatch(/private/);
    expect(refused("192.168.1.1")).toMatch(/private/);
    expect(refused("169.254.169.254")).toMatch(/link-local/);
    expect(refused("100.64.0.1")).toMatch(/carrier-grade NAT/);
    expect(refused("224.0.0.1")).toMatch(/multicast/);
    expect(refused("255.255.255.255")).toMatch(/broadcast/);
  });

  it("refuses every non-public IPv6 range, and IPv4-mapped addresses by the address they carry", () => {
    expect(refused("::1")).toMatch(/loopback/);
    expect(refused("::")).toMatch(/unspecified/);
    expect(refused("fe80::1")).toMatch(/link-local/);
    expect(refused("fd12:3456::1")).toMatch(/unique-local/);
    expect(refused("ff02::1")).toMatch(/multicast/);
    expect(refused("::ffff:127.0.0.1")).toMatch(/loopback/);
    expect(refused("::ffff:a9fe:a9fe")).toMatch(/link-local/);
    expect(refused("[::ffff:10.0.0.1]")).toMatch(/private/);
    // NAT64 and 6to4 embed IPv4 addresses, so they are refused as reserved ranges.
    expect(refused("64:ff9b::7f00:1")).toMatch(/reserved/);
    expect(refused("2002:7f00:1::")).toMatch(/reserved/);
  });

  it("allows public unicast addresses", () => {
    expect(refused("93.184.215.14")).toBeNull();
    expect(refused("8.8.8.8")).toBeNull();
    expect(refused("2606:4700::1111")).toBeNull();
    expect(refused("::ffff:8.8.8.8")).toBeNull();
  });

  it("allows the ranges an operator configured, and only those", () => {
    const allow = ["10.20.0.0/16", "fd00:1::/64", "192.168.1.20"];
    expect(refused("10.20.3.4", allow)).toBeNull();
    expect(refused("::ffff:10.20.3.4", allow)).toBeNull();
    expect(refused("10.21.0.1", allow)).toMatch(/private/);
    expect(refused("fd00:1::5", allow)).toBeNull();
    expect(refused("fd00:2::5", allow)).toMatch(/unique-local/);
    expect(refused("192.168.1.20", allow)).toBeNull();
    expect(refused("192.168.1.21", allow)).toMatch(/private/);
    expect(refused("127.0.0.1", allow)).toMatch(/loopback/);
  });

  it("parses CIDRs and single addresses", () => {
    expect(parseNetwork("10.0.0.0/8")?.[1]).toBe(8);
    expect(parseNetwork("::1")?.[1]).toBe(128);
    expect(parseNetwork("not an address")).toBeNull();
  });
});

describe("refusedHostReason (allowed domains, when saved)", () => {
  it("refuses loopback and private IP literals in every spelling the URL parser accepts", () => {
    for (const host of ["127.0.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "017700000001", "0177.0.0.1", "127.1", "0.0.0.0", "0"]) {
      expect(refusedHostReason(host, []), host).toMatch(/loopback|unspecified/);
    }
    expect(refusedHostReason("[::1]", [])).toMatch(/loopback/);
    expect(refusedHostReason("::ffff:7f00:1", [])).toMatch(/loopback/);
    expect(refusedHostReason("169.254.169.254", [])).toMatch(/link-local/);
    expect(refusedHostReason("10.0.0.8", [])).toMatch(/private/);
    expect(refusedHostReason("192.168.0.1", [])).toMatch(/private/);
    expect(refusedHostReason("100.100.100.200", [])).toMatch(/carrier-grade/);
  });

  it("refuses names that always mean this machine or the metadata service", () => {
    expect(refusedHostReason("localhost", [])).toMatch(/always names this server/);
    expect(refusedHostReason("api.localhost", [])).toMatch(/always names this server/);
    expect(refusedHostReason("*.localhost", [])).toMatch(/always names this server/);
    expect(refusedHostReason("metadata.google.internal", [])).toMatch(/metadata/);
  });

  it("leaves public names and addresses, and configured private ranges, alone", () => {
    expect(refusedHostReason("api.example.com", [])).toBeNull();
    expect(refusedHostReason("*.example.com", [])).toBeNull();
    expect(refusedHostReason("8.8.8.8", [])).toBeNull();
    expect(refusedHostReason("10.0.0.8", ["10.0.0.0/24"])).toBeNull();
  });
});
