/**
 * Adding rows of 16-bit weights with WebAssembly SIMD: the inner loop of linear-model scoring for the
 * features that vote for many classes at once.
 *
 * A parser decision adds about 3,000 weights (88 features, 40 classes each on average, of 103); in
 * JavaScript each costs a load, a decode and a scattered add, and that loop was most of the parser's time.
 * Those features are few (a few thousand of a million: the tags, labels and valencies), so LinearModel
 * keeps them as dense rows, one Int16 per class padded to a multiple of 8, here in WebAssembly memory,
 * and adds each row eight classes per instruction into 32-bit sums. The sums are the same integers the
 * scalar loop makes, so scores do not change.
 *
 * The module is under 200 bytes, written out below instruction by instruction (no toolchain needed). Where
 * WebAssembly SIMD is missing, `simdRows` returns null and LinearModel scores every feature in JavaScript.
 *
 *   (func (export "addRows") (param $list i32) (param $count i32) (param $acc i32) (param $vecs i32)
 *     for j in [0, count): row = i32.load(list + 4j); a = acc
 *       repeat vecs times: x = v128.load(row)
 *         v128.store(a,      i32x4.add(v128.load(a),      i32x4.extend_low_i16x8_s(x)))
 *         v128.store(a + 16, i32x4.add(v128.load(a + 16), i32x4.extend_high_i16x8_s(x)))
 *         row += 16; a += 32
 */

// The WebAssembly API this file uses (lib "dom", which declares it, is not in the compiler's libraries).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object) => WasmInstance;
      validate(bytes: Uint8Array): boolean;
    }
  | undefined;

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
};
/** SIMD instructions: the 0xfd prefix and the instruction number as unsigned LEB128. */
const simd = {
  load: [0xfd, 0x00],
  store: [0xfd, 0x0b],
  extendLow: [0xfd, 0xa7, 0x01], // i32x4.extend_low_i16x8_s
  extendHigh: [0xfd, 0xa8, 0x01], // i32x4.extend_high_i16x8_s
  add: [0xfd, 0xae, 0x01], // i32x4.add
};

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const name = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/** The addRows module's bytes. */
export function addRowsModule(): Uint8Array {
  // Locals: params 0 list, 1 count, 2 acc, 3 vecs; 4 j, 5 row, 6 a, 7 v (i32); 8 x (v128).
  const [list, count, acc, vecs, j, row, a, v, x] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const get = (l: number) => [op.localGet, l];
  const set = (l: number) => [op.localSet, l];
  const mem = (align: number, offset: number) => [align, ...leb(offset)];
  const half = (offset: number, extend: number[]) => [
    ...get(a),
    ...get(a),
    ...simd.load,
    ...mem(4, offset),
    ...get(x),
    ...extend,
    ...simd.add,
    ...simd.store,
    ...mem(4, offset),
  ];
  const code = [
    op.i32Const, 0, ...set(j),
    op.block, 0x40,
    op.loop, 0x40,
    ...get(j), ...get(count), op.i32GeU, op.brIf, 1,
    ...get(list), ...get(j), op.i32Const, 2, op.i32Shl, op.i32Add, op.i32Load, ...mem(2, 0), ...set(row),
    ...get(acc), ...set(a),
    ...get(vecs), ...set(v),
    op.block, 0x40,
    ...get(v), op.i32Eqz, op.brIf, 0,
    op.loop, 0x40,
    ...get(row), ...simd.load, ...mem(4, 0), ...set(x),
    ...half(0, simd.extendLow),
    ...half(16, simd.extendHigh),
    ...get(row), op.i32Const, 16, op.i32Add, ...set(row),
    ...get(a), op.i32Const, 32, op.i32Add, ...set(a),
    ...get(v), op.i32Const, 1, op.i32Sub, ...set(v),
    ...get(v), op.brIf, 0,
    op.end,
    op.end,
    ...get(j), op.i32Const, 1, op.i32Add, ...set(j),
    op.br, 0,
    op.end,
    op.end,
    op.end,
  ];
  const body = [...vec([[4, I32], [1, V128]]), ...code];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 4, I32, I32, I32, I32, 0]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...name('mem'), 0x02, 0], [...name('addRows'), 0x00, 0]])),
    ...section(10, vec([[...leb(body.length), ...body]])),
  ];
  return Uint8Array.from(bytes);
}

/**
 * Dense rows of Int16 weights in WebAssembly memory, and the scratch a scoring call needs: a list of row
 * addresses and the 32-bit sums. Layout: sums (stride Int32) | list (maxRows Int32) | rows (stride Int16 each).
 */
export class SimdRows {
  /** Classes per row, padded to a multiple of 8. */
  readonly stride: number;
  /** The sums of the classes, as addRows leaves them (read stride entries; the first nClasses matter). */
  readonly sums: Int32Array;
  /** Row addresses (bytes) to add on the next call. */
  readonly list: Int32Array;
  /** The rows, Int16 per class: row r is rows[r * stride, (r + 1) * stride). */
  readonly rows: Int16Array;
  private readonly addRows: (list: number, count: number, acc: number, vecs: number) => void;
  private readonly listAt: number;
  private readonly rowsAt: number;

  constructor(instance: WasmInstance, nClasses: number, nRows: number, maxRows: number) {
    this.stride = Math.ceil(nClasses / 8) * 8;
    const memory = instance.exports.mem as WasmMemory;
    this.listAt = this.stride * 4;
    this.rowsAt = this.listAt + Math.ceil((maxRows * 4) / 16) * 16;
    const bytes = this.rowsAt + nRows * this.stride * 2;
    const have = memory.buffer.byteLength;
    if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65536));
    this.sums = new Int32Array(memory.buffer, 0, this.stride);
    this.list = new Int32Array(memory.buffer, this.listAt, maxRows);
    this.rows = new Int16Array(memory.buffer, this.rowsAt, nRows * this.stride);
    this.addRows = instance.exports.addRows as SimdRows['addRows'];
  }

  /** The byte address of row r, for `list`. */
  address(r: number): number {
    return this.rowsAt + r * this.stride * 2;
  }

  /** Adds the first `count` rows of `list` into `sums`. */
  add(count: number): void {
    if (count > 0) this.addRows(this.listAt, count, 0, this.stride / 8);
  }
}

let compiled: object | null | undefined;

/** Room for dense rows of `nClasses` classes, or null where WebAssembly SIMD is not available. */
export function simdRows(nClasses: number, nRows: number, maxRows: number): SimdRows | null {
  if (compiled === undefined) {
    const bytes = addRowsModule();
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  if (!compiled || !WebAssembly) return null;
  return new SimdRows(new WebAssembly.Instance(compiled), nClasses, nRows, maxRows);
}
