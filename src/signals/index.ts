export { extractSignals } from './extract.js';
export { loadSignals, type SignalDicts } from './load.js';
