import { UserError } from '../../errors.js';

export async function memberLeave(): Promise<void> {
  throw new UserError('not built yet');
}
