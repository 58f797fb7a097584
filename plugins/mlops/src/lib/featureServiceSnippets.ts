/** A join key a FeatureService needs in every request, with its Feast type. */
export interface JoinKey {
  name: string;
  valueType?: string;
}

/** The three ways to read a FeatureService, as text to copy. */
export interface FeatureServiceSnippets {
  historical: string;
  online: string;
  rest: string;
}

/** An example value of a Feast value type, as Python and JSON literal. */
function exampleValue(key: JoinKey): string {
  switch ((key.valueType ?? '').toUpperCase()) {
    case 'INT32':
    case 'INT64':
    case 'UNIX_TIMESTAMP':
      return '1001';
    case 'FLOAT':
    case 'DOUBLE':
      return '1.0';
    case 'BOOL':
      return 'true';
    default:
      return JSON.stringify(`${key.name}-1001`);
  }
}

function pythonValue(key: JoinKey): string {
  const value = exampleValue(key);
  return value === 'true' ? 'True' : value;
}

/**
 * The Feast SDK and REST calls that read a FeatureService, with example
 * values of the right type for each join key.
 */
export function featureServiceSnippets(options: {
  project: string;
  name: string;
  joinKeys: JoinKey[];
  /** Base URL of the project's feature server, if configured. */
  featureServerUrl?: string;
}): FeatureServiceSnippets {
  const { project, name, joinKeys } = options;
  const service = JSON.stringify(name);
  const dfColumns = [
    ...joinKeys.map(k => `    "${k.name}": [${pythonValue(k)}],`),
    '    "event_timestamp": [datetime.now(timezone.utc)],',
  ];
  const historical = [
    'from datetime import datetime, timezone',
    '',
    'import pandas as pd',
    'from feast import FeatureStore',
    '',
    `# feature_store.yaml of the Feast project ${project}`,
    'store = FeatureStore(repo_path=".")',
    `feature_service = store.get_feature_service(${service})`,
    '',
    '# One row per entity key and point in time',
    'entity_df = pd.DataFrame({',
    ...dfColumns,
    '})',
    'training_df = store.get_historical_features(',
    '    entity_df=entity_df,',
    '    features=feature_service,',
    ').to_df()',
  ].join('\n');
  const row = joinKeys.map(k => `"${k.name}": ${pythonValue(k)}`).join(', ');
  const online = [
    'from feast import FeatureStore',
    '',
    `# feature_store.yaml of the Feast project ${project}`,
    'store = FeatureStore(repo_path=".")',
    'features = store.get_online_features(',
    `    features=store.get_feature_service(${service}),`,
    `    entity_rows=[{${row}}],`,
    ').to_dict()',
  ].join('\n');
  const body = {
    feature_service: name,
    entities: Object.fromEntries(
      joinKeys.map(k => [k.name, [JSON.parse(exampleValue(k))]]),
    ),
  };
  const url = options.featureServerUrl
    ? options.featureServerUrl.replace(/\/+$/, '')
    : '${FEAST_FEATURE_SERVER_URL}';
  const rest = [
    `curl -X POST "${url}/get-online-features" \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -d '${JSON.stringify(body)}'`,
  ].join('\n');
  return { historical, online, rest };
}
