import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { validationHook } from '../errors';

/** The plaque of a point of sale and the page its signed code opens (/D/{code}). */
export const plaqueRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
