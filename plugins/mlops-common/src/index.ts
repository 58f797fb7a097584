/**
 * Entity kinds, relations, annotations and lineage helpers shared by the
 * Sovereign ML Backstage plugins.
 *
 * @packageDocumentation
 */

export type * from './api/types';
export * from './annotations';
export * from './relations';
export * from './kinds';
export * from './naming';
export * from './permissions';
export * from './sovereignty';
