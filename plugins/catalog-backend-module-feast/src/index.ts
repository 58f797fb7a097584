/**
 * Catalog backend module that ingests Feast registries (registry files on
 * disk, HTTP or S3, or the Feast REST registry server) as FeatureViews,
 * FeatureServices, dataset Resources and Systems.
 *
 * @packageDocumentation
 */

import { catalogModuleFeastEntityProvider } from './module/catalogModuleFeastEntityProvider';

export default catalogModuleFeastEntityProvider;
export { catalogModuleFeastEntityProvider };
export { FeastEntityProvider } from './providers/FeastEntityProvider';
export type { FeastEntityProviderOptions } from './providers/FeastEntityProvider';
export { FeastProjectClaims } from './providers/FeastProjectClaims';
export {
  readFeastProviderConfigs,
  type FeastEntityProviderConfig,
  type FeastRegistryLocation,
} from './providers/FeastEntityProviderConfig';
export { decodeRegistry } from './registry/decodeRegistry';
export { BinaryRegistryReader } from './registry/readers/BinaryRegistryReader';
export {
  RestRegistryReader,
  type RestRegistryReaderOptions,
} from './registry/readers/RestRegistryReader';
export type * from './registry/types';
export {
  transformRegistry,
  type FeastTransformOptions,
} from './transform/transformRegistry';
