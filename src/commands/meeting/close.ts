import { UserError } from '../../errors.js';

export async function meetingClose(): Promise<void> {
  throw new UserError('not built yet');
}
