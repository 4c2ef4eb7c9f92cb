import { UserError } from '../errors.js';

export async function statusCommand(): Promise<void> {
  throw new UserError('not built yet');
}
