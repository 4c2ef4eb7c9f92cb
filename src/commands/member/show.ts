import { UserError } from '../../errors.js';

export async function memberShow(): Promise<void> {
  throw new UserError('not built yet');
}
