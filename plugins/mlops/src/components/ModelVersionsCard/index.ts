export { ModelVersionsCard } from './ModelVersionsCard';
