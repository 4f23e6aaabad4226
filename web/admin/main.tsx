/** The admin console (管理后台): centre, departments, zones, counters, staff, devices, calendar, audit. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../shared/AppProviders.tsx';
import { AdminApp } from './AdminApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <AdminApp />
    </AppProviders>
  </StrictMode>,
);
