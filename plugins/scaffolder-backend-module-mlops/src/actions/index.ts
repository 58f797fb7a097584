export { createPolicyCheckAction } from './policyCheck';
export { createTrainJobValidateAction } from './trainjobValidate';
export { createFeastResolveAction } from './feastResolve';
