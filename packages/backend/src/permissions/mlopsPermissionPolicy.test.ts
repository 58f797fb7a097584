import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { mlopsTrainJobManagePermission } from '@sovereign-ai/backstage-plugin-mlops-backend';
import { MlopsPermissionPolicy } from './mlopsPermissionPolicy';

const alice = {
  credentials: {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/alice' },
  } as BackstageCredentials,
  info: {
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:default/fraud-ml'],
  },
};

const catalogEntityReadPermission = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

describe('MlopsPermissionPolicy', () => {
  const userInfo = {
    getUserInfo: jest.fn(async () => ({
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: ['user:default/alice', 'group:default/fraud-ml'],
    })),
  };
  const policy = new MlopsPermissionPolicy(userInfo);

  it('allows mlops.trainjob.manage only to the owners of the TrainingJob', async () => {
    await expect(
      policy.handle({ permission: mlopsTrainJobManagePermission }, alice),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/alice', 'group:default/fraud-ml'],
        },
      },
    });
    expect(userInfo.getUserInfo).toHaveBeenCalledWith(alice.credentials);
  });

  it('gives a caller without a user no ownership claims', async () => {
    const decision = await policy.handle({
      permission: mlopsTrainJobManagePermission,
    });
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { claims: [] } },
    });
  });

  it('allows everything else, as the allow-all policy did', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
