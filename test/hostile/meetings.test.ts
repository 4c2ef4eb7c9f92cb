// Hostile cases: meetings called and recorded wrongly, and a meeting record edited into nonsense.
import { meetingCases } from './cases/meetings.js';
import { runTable } from './table.js';

runTable('meetings', meetingCases);
