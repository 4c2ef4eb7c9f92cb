import { UserError } from '../errors.js';

export async function sharesIssue(): Promise<void> {
  throw new UserError('not built yet');
}
export async function sharesWithdraw(): Promise<void> {
  throw new UserError('not built yet');
}
export async function sharesTransfer(): Promise<void> {
  throw new UserError('not built yet');
}
