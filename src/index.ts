// The library: the same operations as the CLI, for people who script member records in Node.
export type { CoopParams, Kind, Form, Jurisdiction } from './core/params.js';
export type { LedgerEvent, NewEvent } from './core/ledger/events.js';
export type { Member, OfficerTerm, RegisterState } from './core/ledger/derive.js';
export { deriveState, currentMembers, currentOfficers, memberHistory } from './core/ledger/derive.js';
export { decodeLedger } from './core/ledger/events.js';
