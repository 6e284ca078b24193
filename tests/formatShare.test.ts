import { describe, expect, it } from "vitest";
import { formatShare } from "../src/plots/formatShare.js";

// How a bootstrap share (P(cause), docs/methods.md §7.4) is printed: hand-chosen cases at and around the ends.
describe("formatShare(x, B)", () => {
  it("never prints a bare 1 or 0: '> 0.999' / '< 0.001' with B ≥ 1,000, 'all B' / 'none of B' with fewer", () => {
    expect(formatShare(1, 5000)).toBe("> 0.999");
    expect(formatShare(0.9996, 5000)).toBe("> 0.999");
    expect(formatShare(0, 5000)).toBe("< 0.001");
    expect(formatShare(0.0004, 5000)).toBe("< 0.001");
    expect(formatShare(1, 200)).toBe("all 200");
    expect(formatShare(0, 200)).toBe("none of 200");
  });

  it("prints three decimals in between, and n/a for a missing share", () => {
    expect(formatShare(0.9994, 5000)).toBe("0.999");
    expect(formatShare(0.9712, 5000)).toBe("0.971");
    expect(formatShare(0.001, 5000)).toBe("0.001");
    expect(formatShare(0.5, 10)).toBe("0.500");
    expect(formatShare(NaN, 5000)).toBe("n/a");
  });
});
