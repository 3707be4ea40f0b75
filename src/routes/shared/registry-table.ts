import type { z } from '@hono/zod-openapi';
import { createBatch } from '../../services/registry/create-batch';
import { createCertificate } from '../../services/registry/create-certificate';
import { createProduct } from '../../services/registry/create-product';
import { createRawMaterialArea } from '../../services/registry/create-area';
import { createSubject } from '../../services/registry/create-subject';
import {
  createAreaInput, createBatchInput, createCertificateInput, createProductInput, createSubjectInput,
  updateAreaInput, updateBatchInput, updateProductInput, updateSubjectInput,
} from '../../services/registry/inputs';
import type { RegistryEntity } from '../../services/registry/read-registry';
import type { ServiceContext } from '../../services/shared/context';
import type { Action } from '../../services/shared/policy';

/** The registry: one create, list and read per entity, all generated from this table. */
export const REGISTRY: Record<RegistryEntity, {
  path: string; tag: string; input: z.ZodType; update: z.ZodType | null; create: (a: { ctx: ServiceContext; input: never }) => Promise<unknown>;
  /** The policy actions of its create and edit routes. */
  creates: Action; updates: Action | null;
}> = {
  subjects: { path: 'subjects', tag: 'Subjects (chủ thể)', input: createSubjectInput, update: updateSubjectInput, create: createSubject,
    creates: 'subject.create', updates: 'subject.update' },
  areas: { path: 'raw-material-areas', tag: 'Raw-material areas (vùng nguyên liệu)', input: createAreaInput, update: updateAreaInput, create: createRawMaterialArea,
    creates: 'area.create', updates: 'area.update' },
  products: { path: 'products', tag: 'Products', input: createProductInput, update: updateProductInput, create: createProduct,
    creates: 'product.create', updates: 'product.update' },
  // A certificate is never edited: a re-evaluation issues a new one.
  certificates: { path: 'certificates', tag: 'Certificates', input: createCertificateInput, update: null, create: createCertificate,
    creates: 'certificate.create', updates: null },
  batches: { path: 'batches', tag: 'Batches (lô hàng)', input: createBatchInput, update: updateBatchInput, create: createBatch,
    creates: 'batch.create', updates: 'batch.update' },
};
