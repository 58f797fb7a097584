// The pages in their own header, for apps on the legacy frontend system
// (the new system's page blueprint draws the header itself).
import { Content, Header, Page } from '@backstage/core-components';
import { CompliancePage } from './CompliancePage';
import { MlHomePage } from './MlHomePage';

/** The ML home with its header. */
export function LegacyMlHomePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Machine learning"
        subtitle="Features, models and training jobs"
      />
      <Content>
        <MlHomePage />
      </Content>
    </Page>
  );
}

/** The compliance page with its header. */
export function LegacyCompliancePage() {
  return (
    <Page themeId="tool">
      <Header
        title="ML compliance"
        subtitle="Sovereignty checks of every ML asset"
      />
      <Content>
        <CompliancePage />
      </Content>
    </Page>
  );
}
