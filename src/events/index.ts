export { codeEvents } from './coder.js';
export { loadEvents, type EventDicts } from './load.js';
export { pentaclass, quadClass } from './ontology.js';
