/** The API's records, as the dashboard reads them (the server's own types, re-exported). */
export type { EventRow, SignalRow, SearchHit, SourceHealth, StoreStats, DocumentSummary, StoredDocument } from '../../src/store/store';
export type { CodedEvent, Signal, ActorRef } from '../../src/types';
export type { DiffPart } from '../../src/server/diff';
export type { Page } from '../../src/server/tables';
