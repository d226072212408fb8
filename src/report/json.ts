import type { Report } from './model.js';

/** The report as JSON (docs/report.md describes every field). */
export function renderJson(r: Report): string {
  return JSON.stringify(r, null, 2) + '\n';
}
