import { UserError } from '../../errors.js';

export async function meetingAttend(): Promise<void> {
  throw new UserError('not built yet');
}
