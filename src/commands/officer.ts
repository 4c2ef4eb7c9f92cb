import { UserError } from '../errors.js';

export async function officerAppoint(): Promise<void> {
  throw new UserError('not built yet');
}
export async function officerLeave(): Promise<void> {
  throw new UserError('not built yet');
}
