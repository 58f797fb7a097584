import {
  DEMO_CLUSTER,
  DEMO_FEAST_PROJECT,
  DEMO_JURISDICTION,
  DEMO_MODELS,
  DEMO_NAMESPACE,
  DemoModelVersion,
} from '../demoStory';
import type { FakeModelRegistryServer } from '../modelRegistry/FakeModelRegistryServer';

/**
 * Registers a version with its model artifact, linked the way DESIGN
 * section 3 describes: custom properties `feast.feature_service` and
 * `sovereign-ai.io/trainjob`, plus the artifact's `modelSource*` fields
 * naming the TrainJob (kind kubeflow-trainer, class trainjob, group =
 * namespace, id = TrainJob uid).
 */
export function registerVersion(
  registry: FakeModelRegistryServer,
  registeredModelId: string,
  modelName: string,
  version: DemoModelVersion,
  trainJobUids: ReadonlyMap<string, string>,
): string {
  const customProperties: Record<string, unknown> = {
    'feast.feature_service': `${DEMO_FEAST_PROJECT}/${version.featureService}`,
    ...version.metrics,
  };
  if (version.producedBy) {
    customProperties[
      'sovereign-ai.io/trainjob'
    ] = `${DEMO_CLUSTER}/${DEMO_NAMESPACE}/${version.producedBy}`;
  }
  const { id } = registry.addModelVersion(registeredModelId, {
    name: version.name,
    state: version.state,
    author: version.author,
    description: version.description,
    customProperties,
  });
  const uid = version.producedBy
    ? trainJobUids.get(version.producedBy)
    : undefined;
  registry.addModelArtifact(id, {
    name: `${modelName}-${version.name}`,
    uri: version.artifactUri,
    state: 'LIVE',
    modelFormatName: version.modelFormatName,
    modelFormatVersion: version.modelFormatVersion,
    ...(version.producedBy
      ? {
          modelSourceKind: 'kubeflow-trainer',
          modelSourceClass: 'trainjob',
          modelSourceGroup: DEMO_NAMESPACE,
          modelSourceName: version.producedBy,
          ...(uid ? { modelSourceId: uid } : {}),
        }
      : {}),
    customProperties: { 'sovereign-ai.io/jurisdiction': DEMO_JURISDICTION },
  });
  return id;
}

/** Registers the models of the story; returns model name → registered model id. */
export function seedModels(
  registry: FakeModelRegistryServer,
  trainJobUids: ReadonlyMap<string, string>,
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const model of DEMO_MODELS) {
    const { id } = registry.addRegisteredModel({
      name: model.name,
      description: model.description,
      owner: model.owner,
      state: 'LIVE',
      customProperties: {
        'sovereign-ai.io/jurisdiction': DEMO_JURISDICTION,
        'sovereign-ai.io/data-classification': model.dataClassification,
      },
    });
    ids.set(model.name, id);
    for (const version of model.versions) {
      registerVersion(registry, id, model.name, version, trainJobUids);
    }
  }
  return ids;
}
