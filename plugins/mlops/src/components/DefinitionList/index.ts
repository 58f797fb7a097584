export { DefinitionList } from './DefinitionList';
