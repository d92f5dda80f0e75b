import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalEntry,
  computeEntryHash,
  createChainVerifier,
  GENESIS_HASH,
  verifyChain,
  type AuditChainRow,
  type AuditEntryContent,
} from "./chain";

function content(id: number, overrides: Partial<AuditEntryContent> = {}): AuditEntryContent {
  return {
    id,
    occurredAt: new Date(Date.UTC(2025, 0, 1, 8, 0, id)),
    actorUserId: 7,
    actorUsername: "ana",
    action: id % 2 ? "auth.sign_in" : "user.update",
    entityType: "user",
    entityId: String(id),
    orgUnitId: 3,
    fields: id % 2 ? [] : ["locale"],
    outcome: "success",
    ip: "127.0.0.1",
    userAgent: "vitest",
    ...overrides,
  };
}

/** A correct chain of `n` entries, ids 1..n. */
function chainOf(n: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const entry = content(id);
    const hash = computeEntryHash(prevHash, entry);
    rows.push({ ...entry, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe("computeEntryHash", () => {
  it("is SHA-256 over the previous hash followed by the canonical entry, in hex", () => {
    const entry = content(1);
    expect(canonicalEntry(entry)).toBe(
      '{"action":"auth.sign_in","actor_user_id":7,"actor_username":"ana","entity_id":"1",' +
        '"entity_type":"user","fields":[],"id":1,"ip":"127.0.0.1","occurred_at":"2025-01-01T08:00:01.000Z",' +
        '"org_unit_id":3,"outcome":"success","user_agent":"vitest"}',
    );
    const expected = createHash("sha256")
      .update(GENESIS_HASH + canonicalEntry(entry))
      .digest("hex");
    expect(computeEntryHash(GENESIS_HASH, entry)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any field, the previous hash, or the order of field names", () => {
    const base = computeEntryHash(GENESIS_HASH, content(2));
    const variants = [
      computeEntryHash("f".repeat(64), content(2)),
      computeEntryHash(GENESIS_HASH, content(2, { actorUserId: null })),
      computeEntryHash(GENESIS_HASH, content(2, { fields: ["locale", "display_name"] })),
      computeEntryHash(
        GENESIS_HASH,
        content(2, { occurredAt: new Date(Date.UTC(2025, 0, 1, 8, 0, 2, 1)) }),
      ),
      computeEntryHash(GENESIS_HASH, content(2, { outcome: "failure" })),
      computeEntryHash(
        GENESIS_HASH,
        content(3, { action: "user.update", fields: ["locale"], entityId: "2" }),
      ),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(computeEntryHash(GENESIS_HASH, content(2, { fields: ["a", "b"] }))).not.toBe(
      computeEntryHash(GENESIS_HASH, content(2, { fields: ["b", "a"] })),
    );
  });
});

type Tamper = (rows: AuditChainRow[]) => AuditChainRow[];
const swapIds =
  (a: number, b: number): Tamper =>
  (rows) =>
    rows.map((r) => (r.id === a ? { ...r, id: b } : r.id === b ? { ...r, id: a } : r));
const swapHashes =
  (a: number, b: number): Tamper =>
  (rows) => {
    const ra = rows.find((r) => r.id === a);
    const rb = rows.find((r) => r.id === b);
    if (!ra || !rb) throw new Error("no such rows");
    return rows.map((r) =>
      r.id === a
        ? { ...r, prevHash: rb.prevHash, hash: rb.hash }
        : r.id === b
          ? { ...r, prevHash: ra.prevHash, hash: ra.hash }
          : r,
    );
  };
const edit =
  (id: number, change: Partial<AuditChainRow>): Tamper =>
  (rows) =>
    rows.map((r) => (r.id === id ? { ...r, ...change } : r));
const remove =
  (id: number): Tamper =>
  (rows) =>
    rows.filter((r) => r.id !== id);

describe("verifyChain", () => {
  it.each([0, 1, 2, 10])("accepts an intact chain of %i entries", (n) => {
    const rows = chainOf(n);
    expect(verifyChain(rows)).toEqual({
      count: n,
      headHash: rows.at(-1)?.hash ?? GENESIS_HASH,
      broken: null,
    });
  });

  it("walks rows by id whatever order they arrive in", () => {
    const rows = chainOf(5);
    expect(verifyChain([...rows].reverse()).broken).toBeNull();
  });

  it.each<[string, Tamper, { count: number; broken: object }]>([
    [
      "a changed action",
      edit(4, { action: "auth.sign_out" }),
      { count: 3, broken: { id: 4, reason: "hash_mismatch" } },
    ],
    [
      "a changed field list",
      edit(6, { fields: [] }),
      { count: 5, broken: { id: 6, reason: "hash_mismatch" } },
    ],
    [
      "a changed time",
      edit(1, { occurredAt: new Date(0) }),
      { count: 0, broken: { id: 1, reason: "hash_mismatch" } },
    ],
    [
      "a nulled actor",
      edit(10, { actorUserId: null }),
      { count: 9, broken: { id: 10, reason: "hash_mismatch" } },
    ],
    [
      "a forged hash",
      edit(3, { hash: "a".repeat(64) }),
      { count: 2, broken: { id: 3, reason: "hash_mismatch" } },
    ],
    [
      "a deleted middle entry",
      remove(5),
      { count: 4, broken: { id: 6, reason: "gap", expectedId: 5 } },
    ],
    [
      "a deleted first entry",
      remove(1),
      { count: 0, broken: { id: 2, reason: "gap", expectedId: 1 } },
    ],
    [
      "swapped ids",
      swapIds(3, 4),
      { count: 2, broken: { id: 3, reason: "reordered", linkedId: 4 } },
    ],
    [
      "swapped hashes",
      swapHashes(7, 8),
      { count: 6, broken: { id: 7, reason: "reordered", linkedId: 8 } },
    ],
    [
      "swapped distant ids",
      swapIds(2, 9),
      { count: 1, broken: { id: 2, reason: "reordered", linkedId: 8 } },
    ],
    [
      "an unlinked prev_hash",
      edit(8, { prevHash: "b".repeat(64) }),
      { count: 7, broken: { id: 8, reason: "prev_hash_mismatch", prevHash: "b".repeat(64) } },
    ],
    [
      "a renumbered chain",
      (rows) => rows.map((r) => ({ ...r, id: r.id + 1 })),
      { count: 0, broken: { id: 2, reason: "gap", expectedId: 1 } },
    ],
  ])("names the first broken entry after %s", (_case, tamper, expected) => {
    const report = verifyChain(tamper(chainOf(10)));
    expect(report.count).toBe(expected.count);
    expect(report.broken).toMatchObject(expected.broken);
  });

  it("reports the head hash of the last entry that verified", () => {
    const rows = chainOf(6);
    expect(verifyChain(edit(5, { ip: "10.0.0.1" })(rows)).headHash).toBe(rows[3]?.hash);
  });
});

describe("createChainVerifier", () => {
  it("stops at the first break and keeps reporting it", () => {
    const rows = edit(2, { entityId: "999" })(chainOf(4));
    const verifier = createChainVerifier();
    expect(verifier.push(rows[0])).toBeNull();
    const brk = verifier.push(rows[1]);
    expect(brk).toEqual({ id: 2, reason: "hash_mismatch" });
    expect(verifier.push(rows[2])).toEqual(brk);
    expect(verifier.report()).toEqual({ count: 1, headHash: rows[0]?.hash, broken: brk });
  });
});
