/**
 * Ids to small numbers, for the counts' loops over a million units (docs/decisions/0019-performance.md).
 * A JavaScript Map of fresh strings spends most of a million-unit count hashing and growing
 * (0.7 s to add a million ids on this machine); this table hashes a string's UTF-16 code units
 * itself (FNV-1a), probes linearly in typed arrays sized for the keys expected (each slot keeps
 * its key's hash, so a probe rarely has to look at a key), and compares keys with ===, so two ids
 * are the same exactly when Map would say so. Keys that are not strings (the stored-vote count
 * numbers its holders) go to a Map, which is fast for them.
 */
export class KeyIndex<K> {
  /** Per slot: the entry's number + 1 (0: empty) and its key's hash. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  /** Entry number → its string key and its value. */
  private keys: string[];
  private values: Int32Array;
  private count = 0;
  private readonly others = new Map<K, number>();

  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.keys = new Array<string>(Math.max(8, expected));
    this.values = new Int32Array(Math.max(8, expected));
  }

  get size(): number {
    return this.count + this.others.size;
  }

  get(key: K): number | undefined {
    if (typeof key !== 'string') return this.others.get(key);
    const entry = this.slots[this.find(key, hashOf(key))] as number;
    return entry === 0 ? undefined : this.values[entry - 1];
  }

  /** Sets the value of `key` (a whole number that fits 32 bits, as entry numbers do). */
  set(key: K, value: number): void {
    if (typeof key !== 'string') {
      this.others.set(key, value);
      return;
    }
    const hash = hashOf(key);
    const slot = this.find(key, hash);
    const entry = this.slots[slot] as number;
    if (entry !== 0) {
      this.values[entry - 1] = value;
      return;
    }
    if (this.count === this.values.length) {
      const values = new Int32Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.keys[this.count] = key;
    this.values[this.count] = value;
    this.count++;
    this.slots[slot] = this.count;
    this.hashes[slot] = hash;
    // At most half full, so a probe ends soon.
    if (this.count * 2 > this.slots.length) this.grow();
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: string, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0 || (this.hashes[slot] === hash && this.keys[entry - 1] === key)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      const entry = slots[old] as number;
      if (entry === 0) continue;
      const hash = hashes[old] as number;
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
      this.hashes[slot] = hash;
    }
  }
}

/** FNV-1a over the string's UTF-16 code units, its high bits folded in (the table uses the low ones). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}
