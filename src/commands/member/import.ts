import { UserError } from '../../errors.js';

export async function memberImport(): Promise<void> {
  throw new UserError('not built yet');
}
