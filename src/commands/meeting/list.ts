import { UserError } from '../../errors.js';

export async function meetingList(): Promise<void> {
  throw new UserError('not built yet');
}
