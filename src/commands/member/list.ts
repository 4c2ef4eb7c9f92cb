import { UserError } from '../../errors.js';

export async function memberList(): Promise<void> {
  throw new UserError('not built yet');
}
