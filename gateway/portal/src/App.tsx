import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { adminRoutes } from './admin/routes';
import { analyticsRoutes } from './analytics/routes';
import { isApiProblem } from './api/http';
import { authoringRoutes } from './authoring/routes';
import { communityRoutes } from './community/routes';
import { gradingRoutes } from './grading/routes';
import { learnerRoutes } from './learner/routes';
import { Home } from './shell/Home';
import { Layout } from './shell/Layout';
import { NotFound } from './shell/NotFound';
import { RouteError } from './shell/RouteError';
import { teamRoutes } from './team/routes';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      ...learnerRoutes,
      ...teamRoutes,
      ...gradingRoutes,
      ...authoringRoutes,
      ...analyticsRoutes,
      ...adminRoutes,
      ...communityRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A client error (403, 404, ...) will not change by asking again.
        retry: (failures, error) => failures < 2 && !(isApiProblem(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [client] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
