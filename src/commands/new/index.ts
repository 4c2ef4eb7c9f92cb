import { UserError } from '../../errors.js';

export async function newCommand(): Promise<void> {
  throw new UserError('not built yet');
}
