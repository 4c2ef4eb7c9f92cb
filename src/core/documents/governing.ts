// TEMPORARY STUB until the docs branch lands (it owns this file): same contract.
import type { CoopParams, Form } from '../params.js';

export function governingDocumentFile(form: Form): { path: string; title: string; template: string } {
  const title = form === 'unincorporated-association' ? 'Constitution' : form === 'co-operative-society' || form === 'community-benefit-society' ? 'Rules' : 'Articles of Association';
  return { path: `${title.toLowerCase().replace(/ /g, '-')}.md`, title, template: 'stub-governing.md.hbs' };
}

export function governingContext(params: CoopParams): object {
  return { name: params.group.name };
}
