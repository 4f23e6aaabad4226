/** 登录 of the admin console: the shared staff login page (web/shared/LoginPage.tsx) under the console's name. */
import type { Me } from '../../shared/types.ts';
import { LoginPage as StaffLoginPage } from '../../shared/LoginPage.tsx';

export function LoginPage({ notice, onSignedIn }: { notice: string | null; onSignedIn: (me: Me) => void }) {
  return <StaffLoginPage title="政务服务中心管理后台" notice={notice} onSignedIn={onSignedIn} />;
}
