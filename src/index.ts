// The library: the same operations as the CLI, for people who script member records and meetings in Node.
// Every function takes the group's folder (or any folder inside it) first; changes are
// committed like the commands' (pass commit: false to leave them uncommitted), and refusals
// throw UserError with the same message the command prints.
//
//   import { addMember, listMembers } from 'create-coop';
//   const { number } = await addMember('./my-coop', { name: 'Priya Sharma', joined: '2025-03-01' });

export type { CoopParams, Kind, Form, Jurisdiction } from './core/params.js';
export type { LedgerEvent, NewEvent, LeaveReason } from './core/ledger/events.js';
export type { Member, OfficerTerm, RegisterState } from './core/ledger/derive.js';
export type { Contact } from './core/contacts.js';
export { deriveState, currentMembers, currentOfficers, memberHistory } from './core/ledger/derive.js';
export { decodeLedger } from './core/ledger/events.js';
export { UserError, UsageError } from './errors.js';

export type { CommonOptions, WriteOptions } from './api/group.js';
export type { Recorded } from './api/record.js';
export { addMember, leaveMember, updateMember } from './api/members.js';
export type { AddMemberInput, AddedMember, ContactInput, LeaveInput, MemberLeft, UpdateMemberInput, UpdatedMember } from './api/members.js';
export { listMembers, showMember } from './api/member-queries.js';
export type { ListMembersOptions, MemberDetails, MemberRow } from './api/member-queries.js';
export { importMembers } from './api/import-members.js';
export type { ImportOptions, ImportResult, ImportedMember } from './api/import-members.js';
export { exportMembers, registerAsOf } from './api/register.js';
export type { ExportOptions, ExportResult, RegisterOptions } from './api/register.js';
export type { RegisterMember, RegisterOfficer, StatutoryRegister } from './core/register/statutory-register.js';
export { registerCsv, registerMarkdown } from './core/register/statutory-register.js';
export { issueShares, transferShares, withdrawShares } from './api/shares.js';
export type { SharesInput, SharesRecorded, TransferRecorded } from './api/shares.js';
export { appointOfficer, endOfficerTerm } from './api/officers.js';
export type { OfficeInput, OfficeRecorded } from './api/officers.js';
export { checkGroup } from './api/check.js';
export type { CheckResult } from './api/check.js';
export { groupStatus } from './api/status.js';
export type { GroupStatus } from './api/status.js';
export type { Deadline } from './core/register/deadlines.js';
export { callMeeting, recordAttendance, recordVote, closeMeeting, listMeetings } from './api/meetings.js';
export type {
  AttendanceInput,
  AttendanceRecorded,
  CallMeetingInput,
  CalledMeeting,
  ClosedMeeting,
  MeetingList,
  MeetingRef,
  MeetingSummary,
  ResolutionArg,
  VoteInput,
  VoteRecorded,
} from './api/meetings.js';
export type { MeetingRecord, MeetingType, Resolution, CloseOutcome } from './core/meetings/record.js';
