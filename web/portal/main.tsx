/** The public portal (门户): centre information and service guides, no login. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalProviders } from './PortalProviders.tsx';
import { PortalApp } from './PortalApp.tsx';
import './portal.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <PortalProviders>
      <PortalApp />
    </PortalProviders>
  </StrictMode>,
);
