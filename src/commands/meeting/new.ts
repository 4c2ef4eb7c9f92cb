import { UserError } from '../../errors.js';

export async function meetingNew(): Promise<void> {
  throw new UserError('not built yet');
}
