import { UserError } from '../../errors.js';

export async function memberUpdate(): Promise<void> {
  throw new UserError('not built yet');
}
