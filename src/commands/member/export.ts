import { UserError } from '../../errors.js';

export async function memberExport(): Promise<void> {
  throw new UserError('not built yet');
}
