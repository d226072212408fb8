import type { Layers, LayerName } from './layers.js';
import type { Span } from './span.js';

/** Where the publication date came from; `null` with `published: null` means the document is undated. */
export type PublishedFrom = 'input' | 'text-date-line' | 'dateline' | 'html-meta' | 'json-ld' | 'feed';

export type InputFormat = 'text' | 'jsonl' | 'html' | 'feed';

export interface DocMeta {
  id: string;
  title: string | null;
  url: string | null;
  /** The outlet or wire service ("CNN", "Reuters"). */
  source: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or timestamp as found; null when undated. */
  published: string | null;
  publishedFrom: PublishedFrom | null;
  format: InputFormat;
  /** File path, URL or "stdin:LINE" the document was read from, for error messages. */
  origin: string;
}

/**
 * A document owns its text. Layers are added by pipeline components and never move offsets:
 * every span in every layer indexes `text` as given.
 */
export class Doc {
  readonly text: string;
  readonly meta: DocMeta;
  private readonly layers: Partial<Layers> = {};

  constructor(text: string, meta: Partial<DocMeta> & { id: string }) {
    this.text = text;
    this.meta = {
      title: null,
      url: null,
      source: null,
      author: null,
      published: null,
      publishedFrom: null,
      format: 'text',
      origin: meta.id,
      ...meta,
    };
  }

  has(name: LayerName): boolean {
    return name in this.layers;
  }

  /** A layer a component declared it needs; asking for one nobody produced is a programming error. */
  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`layer '${name}' has not been produced for document ${this.meta.id}`);
    return layer;
  }

  set<K extends LayerName>(name: K, items: Layers[K]): void {
    for (const it of items as Span[]) {
      if (!(Number.isInteger(it.start) && Number.isInteger(it.end) && 0 <= it.start && it.start <= it.end && it.end <= this.text.length)) {
        throw new Error(`layer '${name}' of ${this.meta.id}: span [${it.start}, ${it.end}) is outside the text (length ${this.text.length})`);
      }
    }
    this.layers[name] = items;
  }

  slice(s: Span): string {
    return this.text.slice(s.start, s.end);
  }

  /** The publication day (YYYY-MM-DD) or null. */
  get publishedDay(): string | null {
    const p = this.meta.published;
    return p && /^\d{4}-\d{2}-\d{2}/.test(p) ? p.slice(0, 10) : null;
  }
}
