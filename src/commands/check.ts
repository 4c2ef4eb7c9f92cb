import { UserError } from '../errors.js';

export async function checkCommand(): Promise<void> {
  throw new UserError('not built yet');
}
