import { StrictMode, useState } from 'react';
import { Provider } from 'react-redux';
import { createBrowserRouter, createMemoryRouter, RouterProvider } from 'react-router';
import type { CjibApi } from '../../shared/ipc/client';
import { routes } from './routes';
import { createAppStore } from './store';

export interface AppProps {
  cjib: CjibApi;
  /** Component tests start at a path in memory; the real app uses the address bar. */
  initialPath?: string;
}

export function App({ cjib, initialPath }: AppProps) {
  const [store] = useState(() => createAppStore(cjib));
  const [router] = useState(() =>
    initialPath ? createMemoryRouter(routes, { initialEntries: [initialPath] }) : createBrowserRouter(routes),
  );
  return (
    <StrictMode>
      <Provider store={store}>
        <RouterProvider router={router} />
      </Provider>
    </StrictMode>
  );
}
