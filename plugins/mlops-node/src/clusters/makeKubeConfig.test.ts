import { makeKubeConfig } from './makeKubeConfig';

describe('makeKubeConfig', () => {
  it('builds a single-context config with the bearer token', async () => {
    const kc = makeKubeConfig({
      name: 'sovereign-fr',
      url: 'http://127.0.0.1:7081/',
      serviceAccountToken: 'demo-token',
      skipTLSVerify: true,
    });
    expect(kc.getCurrentContext()).toBe('sovereign-fr');
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'sovereign-fr',
      server: 'http://127.0.0.1:7081',
      skipTLSVerify: true,
    });
    const options: { headers?: Record<string, string> } = {};
    await kc.applyToHTTPSOptions(options);
    expect(options.headers?.Authorization).toBe('Bearer demo-token');
  });

  it('turns TLS verification off only for plain-HTTP servers', () => {
    const http = makeKubeConfig({
      name: 'a',
      url: 'http://127.0.0.1:1',
      skipTLSVerify: false,
    });
    const https = makeKubeConfig({
      name: 'b',
      url: 'https://k8s.internal',
      skipTLSVerify: false,
    });
    expect(http.getCurrentCluster()?.skipTLSVerify).toBe(true);
    expect(https.getCurrentCluster()?.skipTLSVerify).toBe(false);
  });

  it('sends no Authorization header without a token', async () => {
    const kc = makeKubeConfig({
      name: 'c',
      url: 'https://k8s.internal',
      skipTLSVerify: false,
      caData: 'Q0E=',
    });
    expect(kc.getCurrentCluster()?.caData).toBe('Q0E=');
    const options: { headers?: Record<string, string> } = {};
    await kc.applyToHTTPSOptions(options);
    expect(options.headers?.Authorization).toBeUndefined();
  });
});
