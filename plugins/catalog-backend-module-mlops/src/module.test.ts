import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleMlopsEntityModel from './index';
import { MlopsEntitiesProcessor } from './processor';

describe('catalogModuleMlopsEntityModel', () => {
  it('registers the entity model processor with the catalog', async () => {
    const addProcessor = jest.fn();

    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
      features: [catalogModuleMlopsEntityModel],
    });

    expect(addProcessor).toHaveBeenCalledTimes(1);
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(MlopsEntitiesProcessor),
    );
  });
});
