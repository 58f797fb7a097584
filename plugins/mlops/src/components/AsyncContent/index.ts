export { AsyncContent, EmptyMessage } from './AsyncContent';
