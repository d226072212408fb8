// Day intervals are shared by extraction (figures, control) and the merge: one module, src/core/days.ts.
export * from '../core/days.js';
