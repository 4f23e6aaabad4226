/**
 * The portal's providers: the house theme and Chinese locale of the shared
 * AppProviders, without antd's App (message/notification/modal hooks the portal never
 * uses) and without dayjs, to keep the citizens' page small.
 */
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import '../shared/base.css';

export function PortalProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}>
      {children}
    </ConfigProvider>
  );
}
