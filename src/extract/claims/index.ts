/**
 * Claims: who says so (attributions) and how sure the outlet is (certainty cues). Used by the quantities
 * component (a figure's source) and the events component (an event's sources and certainty).
 */
export { findAttributions, attributionFor, type Attribution } from './attribution.js';
export { certaintyCues, hedgeSpans, CERTAINTY_RANK, type CertaintyCue } from './certainty.js';
