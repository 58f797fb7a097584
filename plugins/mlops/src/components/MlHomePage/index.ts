export { MlHomePage } from './MlHomePage';
