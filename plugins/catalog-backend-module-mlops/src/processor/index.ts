export { MlopsEntitiesProcessor } from './MlopsEntitiesProcessor';
