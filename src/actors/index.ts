/** The actors stage: dictionaries, matching, resolution, coreference, attribution. */
export { loadActors } from './load.js';
export { findActors, type FindOptions } from './match.js';
export { findAttribution } from './attribution.js';
export { countryOf, personInOffice, tenureAt } from './lookup.js';
export type { ActorDicts, Person, Tenure } from './model.js';
