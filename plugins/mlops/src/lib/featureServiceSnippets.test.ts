import { featureServiceSnippets } from './featureServiceSnippets';

describe('featureServiceSnippets', () => {
  const snippets = featureServiceSnippets({
    project: 'fraud_detection',
    name: 'fraud_scoring_v1',
    joinKeys: [
      { name: 'customer_id', valueType: 'INT64' },
      { name: 'card_id', valueType: 'STRING' },
    ],
  });

  it('reads training data with get_historical_features', () => {
    expect(snippets.historical).toContain(
      'store.get_feature_service("fraud_scoring_v1")',
    );
    expect(snippets.historical).toContain('store.get_historical_features(');
    expect(snippets.historical).toContain('"customer_id": [1001],');
    expect(snippets.historical).toContain('"card_id": ["card_id-1001"],');
  });

  it('reads online features with typed entity rows', () => {
    expect(snippets.online).toContain('store.get_online_features(');
    expect(snippets.online).toContain(
      'entity_rows=[{"customer_id": 1001, "card_id": "card_id-1001"}]',
    );
  });

  it('posts to the feature server with a valid JSON body', () => {
    expect(snippets.rest).toContain(
      'curl -X POST "${FEAST_FEATURE_SERVER_URL}/get-online-features"',
    );
    const body = JSON.parse(snippets.rest.split("-d '")[1].slice(0, -1));
    expect(body).toEqual({
      feature_service: 'fraud_scoring_v1',
      entities: { customer_id: [1001], card_id: ['card_id-1001'] },
    });
  });

  it('uses the configured feature server', () => {
    const { rest } = featureServiceSnippets({
      project: 'p',
      name: 's',
      joinKeys: [{ name: 'ok', valueType: 'BOOL' }],
      featureServerUrl: 'https://feast.ml.internal/',
    });
    expect(rest).toContain('"https://feast.ml.internal/get-online-features"');
    expect(rest).toContain('{"ok":[true]}');
  });
});
