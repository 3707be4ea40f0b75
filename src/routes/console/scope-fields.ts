import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { listOrganisations } from '../../services/points-of-sale/read-retail';
import { listRegistry } from '../../services/registry/read-registry';
import { serviceContext } from '../context';

/** The subjects a producer's invitation or token may be bound to, as the actor may see them. */
export async function subjectOptions(c: Context<AppEnv>) {
  const page = await listRegistry({
    ctx: serviceContext(c),
    input: { kind: 'subjects', page: 1, pageSize: 100 },
  }).catch(() => ({ items: [] }));
  return (page.items as { id: string; name: string }[]).map((s) => ({ value: s.id, label: s.name }));
}

/** The open retailer organisations a retailer's invitation or token may name, as the actor may see them. */
export async function organisationOptions(c: Context<AppEnv>) {
  const page = await listOrganisations({ ctx: serviceContext(c), input: { page: 1 } }).catch(() => ({ items: [] }));
  return page.items.filter((o) => o.status !== 'closed').map((o) => ({ value: o.id, label: o.name }));
}
