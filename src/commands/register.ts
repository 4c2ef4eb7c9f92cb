import { UserError } from '../errors.js';

export async function registerCommand(): Promise<void> {
  throw new UserError('not built yet');
}
