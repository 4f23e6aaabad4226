/** 窗口工作台 (issue 4): the clerk's screen at a counter. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../shared/AppProviders.tsx';
import { CounterApp } from './CounterApp.tsx';
import './counter.css';
import './cases/cases.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <CounterApp />
    </AppProviders>
  </StrictMode>,
);
