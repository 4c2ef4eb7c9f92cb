import { UserError } from '../../errors.js';

export async function memberAdd(): Promise<void> {
  throw new UserError('not built yet');
}
