/**
 * The weight file format (data/models/*.bin): a small JSON header (what the model is, its classes, how it
 * was trained, its scores) followed by the LinearModel's arrays, little-endian and 4-byte aligned so they
 * are read as typed arrays without copying or parsing.
 *
 *   "SRPM" | u32 format version | u32 header length | header JSON (UTF-8, padded to 4)
 *   u32 features | u32 entries | u32 class width (1 or 2) | f64 scale
 *   keys u32[features] | offsets u32[features+1] | weights i16[entries] (padded to 4) | classes u8|u16[entries]
 */
import { LinearModel, type ScoringTables } from './linear.js';

const MAGIC = 0x4d505253; // "SRPM" read little-endian
const FORMAT = 1;

export class ModelFileError extends Error {}

const pad4 = (n: number) => (n + 3) & ~3;

export function encodeModel(header: object, model: LinearModel): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const width = model.classes instanceof Uint8Array ? 1 : 2;
  const size =
    12 + pad4(json.length) + 4 * 3 + 8 + model.keys.byteLength + model.offsets.byteLength + pad4(model.weights.byteLength) + model.classes.byteLength;
  const buf = Buffer.alloc(pad4(size));
  let at = 0;
  buf.writeUInt32LE(MAGIC, at);
  buf.writeUInt32LE(FORMAT, at + 4);
  buf.writeUInt32LE(json.length, at + 8);
  at += 12;
  json.copy(buf, at);
  at += pad4(json.length);
  buf.writeUInt32LE(model.features, at);
  buf.writeUInt32LE(model.entries, at + 4);
  buf.writeUInt32LE(width, at + 8);
  buf.writeDoubleLE(model.scale, at + 12);
  at += 20;
  for (const a of [model.keys, model.offsets, model.weights, model.classes]) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, at);
    at += pad4(a.byteLength);
  }
  return buf;
}

export interface ModelFile<H> {
  header: H;
  model: LinearModel;
}

export function decodeModel<H>(data: Uint8Array, what = 'model', tables?: ScoringTables): ModelFile<H> {
  // Typed-array views need the data 4-byte aligned in its ArrayBuffer; readFileSync's buffers may not be.
  const buf = data.byteOffset % 8 === 0 ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
  const fail = (why: string): never => {
    throw new ModelFileError(`${what}: ${why}`);
  };
  if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC) fail('not a sitrep model file');
  if (buf.readUInt32LE(4) !== FORMAT) fail(`format ${buf.readUInt32LE(4)}, expected ${FORMAT}`);
  const jsonLen = buf.readUInt32LE(8);
  let at = 12;
  if (at + jsonLen > buf.length) fail('truncated header');
  const header = JSON.parse(buf.toString('utf8', at, at + jsonLen)) as H & { classes?: unknown };
  at += pad4(jsonLen);
  if (at + 20 > buf.length) fail('truncated');
  const features = buf.readUInt32LE(at);
  const entries = buf.readUInt32LE(at + 4);
  const width = buf.readUInt32LE(at + 8);
  const scale = buf.readDoubleLE(at + 12);
  at += 20;
  const need = at + 4 * features + 4 * (features + 1) + pad4(2 * entries) + width * entries;
  if ((width !== 1 && width !== 2) || need > buf.length) fail('truncated or corrupt arrays');
  const base = buf.byteOffset;
  const keys = new Uint32Array(buf.buffer, base + at, features);
  at += 4 * features;
  const offsets = new Uint32Array(buf.buffer, base + at, features + 1);
  at += 4 * (features + 1);
  const weights = new Int16Array(buf.buffer, base + at, entries);
  at += pad4(2 * entries);
  const classes = width === 1 ? new Uint8Array(buf.buffer, base + at, entries) : new Uint16Array(buf.buffer, base + at, entries);
  if (offsets[features] !== entries) fail('offsets do not cover the entries');
  const nClasses = (header as { nClasses?: number }).nClasses;
  if (typeof nClasses !== 'number' || nClasses < 1) fail('header lacks nClasses');
  return { header, model: new LinearModel(nClasses!, keys, offsets, classes, weights, scale, tables) };
}
