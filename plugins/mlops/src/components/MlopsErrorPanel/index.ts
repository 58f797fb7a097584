export { MlopsErrorPanel } from './MlopsErrorPanel';
