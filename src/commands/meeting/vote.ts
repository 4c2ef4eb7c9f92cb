import { UserError } from '../../errors.js';

export async function meetingVote(): Promise<void> {
  throw new UserError('not built yet');
}
