import type { Doc } from './document.js';
import type { LayerName } from './layers.js';

/**
 * A pipeline component adds layers to a document. It declares what it needs and what it adds, so a
 * pipeline can be checked when it is built rather than failing half-way through a batch.
 */
export interface Component {
  readonly name: string;
  readonly needs: readonly LayerName[];
  readonly adds: readonly LayerName[];
  run(doc: Doc): void;
}

export class Pipeline {
  readonly components: readonly Component[];

  constructor(components: Component[]) {
    const available = new Set<LayerName>();
    for (const c of components) {
      for (const need of c.needs) {
        if (!available.has(need)) {
          throw new Error(`pipeline: component '${c.name}' needs layer '${need}', which no earlier component adds`);
        }
      }
      for (const add of c.adds) available.add(add);
    }
    this.components = components;
  }

  run(doc: Doc): Doc {
    for (const c of this.components) c.run(doc);
    return doc;
  }

  /** The layers this pipeline produces, in order. */
  get layers(): LayerName[] {
    return this.components.flatMap((c) => c.adds);
  }
}
