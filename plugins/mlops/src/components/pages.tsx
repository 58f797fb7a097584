// The pages, each loaded when first visited.
import { Content } from '@backstage/core-components';
import { CompliancePage } from './CompliancePage';
import { MlHomePage } from './MlHomePage';

/** The ML home inside the page frame. */
export function MlHomeRoute() {
  return (
    <Content>
      <MlHomePage />
    </Content>
  );
}

/** The compliance page inside the page frame. */
export function ComplianceRoute() {
  return (
    <Content>
      <CompliancePage />
    </Content>
  );
}
