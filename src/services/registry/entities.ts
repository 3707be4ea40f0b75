import type { z } from '@hono/zod-openapi';
import { batches, certificates, products, rawMaterialAreas, subjects } from '../../db/schema';
import { REGISTRY_ENTITIES, type RegistryEntity, type RegistryKind } from '../../domain/registry-entities';
import type { ServiceContext } from '../shared/context';
import type { Action } from '../shared/policy';
import { createRawMaterialArea } from './create-area';
import { createBatch } from './create-batch';
import { createCertificate } from './create-certificate';
import { createProduct } from './create-product';
import { createSubject } from './create-subject';
import {
  createAreaInput,
  createBatchInput,
  createCertificateInput,
  createProductInput,
  createSubjectInput,
  updateAreaInput,
  updateBatchInput,
  updateProductInput,
  updateSubjectInput,
} from './inputs';

/** Each entity's table: where its rows, its `search_text` and its scope column live. */
export const REGISTRY_TABLES = {
  subjects,
  areas: rawMaterialAreas,
  products,
  certificates,
  batches,
} as const;

type Row<K extends RegistryKind> = (typeof REGISTRY_TABLES)[K]['$inferSelect'];

/**
 * What the service layer adds to the domain table (src/domain/registry-entities.ts): the create
 * service and the input schemas. Routes and console pages are generated from the two together.
 */
export const REGISTRY_SERVICES: Record<
  RegistryKind,
  {
    create: (call: { ctx: ServiceContext; input: never }) => Promise<{ id: string }>;
    input: z.ZodType;
    /** Any subset of the editable fields; null: never edited. */
    update: z.ZodType | null;
  }
> = {
  subjects: { create: createSubject, input: createSubjectInput, update: updateSubjectInput },
  areas: { create: createRawMaterialArea, input: createAreaInput, update: updateAreaInput },
  products: { create: createProduct, input: createProductInput, update: updateProductInput },
  certificates: { create: createCertificate, input: createCertificateInput, update: null },
  batches: { create: createBatch, input: createBatchInput, update: updateBatchInput },
};

/*
 * The domain table may not import the policy or the schema, so its strings are held to them
 * here: an action the policy does not know, or a field the table does not have, fails the
 * type check.
 */
type Typed<K extends RegistryKind> = {
  creates: Action;
  updates: Action | null;
  searched: readonly (keyof Row<K>)[];
  listed: readonly (keyof Row<K>)[];
  fixed: readonly (keyof Row<K>)[];
  scope: keyof Row<K>;
};

/** The domain table, typed against the policy and the schema: what services and routes read. */
export const REGISTRY: { [K in RegistryKind]: RegistryEntity & Typed<K> } = REGISTRY_ENTITIES;

/** How an error message names a record of each entity: "Không tìm thấy chủ thể." */
export const REGISTRY_NOUNS: Record<RegistryKind, string> = {
  subjects: 'chủ thể',
  areas: 'vùng nguyên liệu',
  products: 'sản phẩm',
  certificates: 'giấy chứng nhận',
  batches: 'lô hàng',
};
