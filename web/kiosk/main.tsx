/** 自助取号机 (DB36/T 2016 §5.2.2, §5.2.2.1, §5.2.2.2; issue 4 "Kiosk"): full screen, touch first, no login. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './kiosk.css';
import { KioskApp } from './KioskApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <KioskApp />
  </StrictMode>,
);
