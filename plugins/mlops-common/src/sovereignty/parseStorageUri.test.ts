import { InputError } from '@backstage/errors';
import { parseStorageUri } from './parseStorageUri';

describe('parseStorageUri', () => {
  it.each([
    [
      's3://models-fr/fraud-detector/v2/',
      { scheme: 's3', bucket: 'models-fr', path: '/fraud-detector/v2/' },
    ],
    ['S3A://Data/x', { scheme: 's3a', bucket: 'data', path: '/x' }],
    [
      'gs://bucket/key.parquet',
      { scheme: 'gs', bucket: 'bucket', path: '/key.parquet' },
    ],
    [
      'hf://meta-llama/Llama-3.1-8B',
      {
        scheme: 'hf',
        host: 'huggingface.co',
        path: '/meta-llama/Llama-3.1-8B',
      },
    ],
    [
      'https://MinIO.fr.internal:9000/models/a',
      { scheme: 'https', host: 'minio.fr.internal', path: '/models/a' },
    ],
    [
      'oci://registry.sovereign.internal/models/fraud:2',
      {
        scheme: 'oci',
        host: 'registry.sovereign.internal',
        path: '/models/fraud:2',
      },
    ],
    [
      'abfss://models@acct.dfs.core.windows.net/fraud/v2',
      {
        scheme: 'abfss',
        bucket: 'models',
        host: 'acct.dfs.core.windows.net',
        path: '/fraud/v2',
      },
    ],
    [
      'pvc://model-store/fraud/v2',
      { scheme: 'pvc', path: '/model-store/fraud/v2', clusterLocal: true },
    ],
    [
      'file:///data/train.csv',
      { scheme: 'file', path: '/data/train.csv', clusterLocal: true },
    ],
    ['http://[::1]:8080/x', { scheme: 'http', host: '[::1]', path: '/x' }],
  ])('parses %s', (uri, expected) => {
    expect(parseStorageUri(uri)).toMatchObject(expected);
  });

  it('never repeats user information or a query string in the display form', () => {
    const uri = parseStorageUri(
      'https://user:s3cret@storage.example.com/models/a?sig=t0ken#frag',
    );
    expect(uri.host).toBe('storage.example.com');
    expect(uri.display).toBe('https://storage.example.com/models/a');
    expect(uri.display).not.toMatch(/s3cret|t0ken/);
  });

  it.each([
    ['models-fr/fraud', /expected <scheme>:\/\/<location>/],
    ['crm.customer_profiles', /is not a storage URI/],
    ['s3:///key', /names no bucket/],
    ['abfss://acct.dfs.core.windows.net/x', /not an Azure storage URI/],
  ])('rejects %j', (uri, message) => {
    expect(() => parseStorageUri(uri)).toThrow(InputError);
    expect(() => parseStorageUri(uri)).toThrow(message);
  });
});
