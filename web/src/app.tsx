import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { queryKeys } from './api/queries.ts';
import { AppLayout } from './components/app-layout.tsx';
import { AppProviders } from './components/app-providers.tsx';
import { RequireAuth } from './components/require-auth.tsx';
import { RouteError } from './components/route-error.tsx';
import { SuspensePage } from './components/suspense-page.tsx';

const LoginPage = lazy(() => import('./pages/login-page.tsx'));
const HomePage = lazy(() => import('./pages/home-page.tsx'));
const ReferencePage = lazy(() => import('./pages/reference-page.tsx'));
const DeclarationsPage = lazy(() => import('./pages/declarations-page.tsx'));
const DeclarationPage = lazy(() => import('./pages/declaration-page.tsx'));
const ReviewPage = lazy(() => import('./pages/review-page.tsx'));
const ReviewDeclarationPage = lazy(() => import('./pages/review-declaration-page.tsx'));
const RecommendPage = lazy(() => import('./pages/recommend-page.tsx'));
const InspectionsPage = lazy(() => import('./pages/inspections-page.tsx'));
const InspectionPage = lazy(() => import('./pages/inspection-page.tsx'));
const CityPage = lazy(() => import('./pages/city-page.tsx'));
const ExpertTasksPage = lazy(() => import('./pages/expert-tasks-page.tsx'));
const ExpertAssignmentPage = lazy(() => import('./pages/expert-assignment-page.tsx'));
const MinistryDashboardPage = lazy(() => import('./pages/ministry-dashboard-page.tsx'));
const MinistryCampaignsPage = lazy(() => import('./pages/ministry-campaigns-page.tsx'));
const MinistryIntakePage = lazy(() => import('./pages/ministry-intake-page.tsx'));
const MinistryPanelsPage = lazy(() => import('./pages/ministry-panels-page.tsx'));
const MinistryPanelPage = lazy(() => import('./pages/ministry-panel-page.tsx'));
const MinistryResultsPage = lazy(() => import('./pages/ministry-results-page.tsx'));
const ClustersPage = lazy(() => import('./pages/clusters-page.tsx'));
const ClusterPage = lazy(() => import('./pages/cluster-page.tsx'));
const ClusterImportPage = lazy(() => import('./pages/cluster-import-page.tsx'));
const ClusterReReviewsPage = lazy(() => import('./pages/cluster-re-reviews-page.tsx'));
const ClusterSupportPage = lazy(() => import('./pages/cluster-support-page.tsx'));
const ClusterProvincialPage = lazy(() => import('./pages/cluster-provincial-page.tsx'));
const AnnualReportsPage = lazy(() => import('./pages/annual-reports-page.tsx'));
const NoticesManagePage = lazy(() => import('./pages/notices-manage-page.tsx'));
const PublicPublicityPage = lazy(() => import('./pages/public-publicity-page.tsx'));
const PortalLayout = lazy(() => import('./components/public/portal-layout.tsx'));
const PortalHomePage = lazy(() => import('./pages/portal-home-page.tsx'));
const PortalNoticesPage = lazy(() => import('./pages/portal-notices-page.tsx'));
const PortalNoticePage = lazy(() => import('./pages/portal-notice-page.tsx'));
const PortalRegistryPage = lazy(() => import('./pages/portal-registry-page.tsx'));
const PortalClusterPage = lazy(() => import('./pages/portal-cluster-page.tsx'));
const PortalMapPage = lazy(() => import('./pages/portal-map-page.tsx'));
const PortalStatsPage = lazy(() => import('./pages/portal-stats-page.tsx'));
const PortalDataPage = lazy(() => import('./pages/portal-data-page.tsx'));
const NotificationSettingsPage = lazy(() => import('./pages/notification-settings-page.tsx'));
const AdminMailPage = lazy(() => import('./pages/admin-mail-page.tsx'));
const AdminUsersPage = lazy(() => import('./pages/admin-users-page.tsx'));
const AuditPage = lazy(() => import('./pages/audit-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

// A 401 from any call but /auth/me and /auth/login means the session expired: mark it signed out so
// RequireAuth sends the browser to /login.
function onApiError(error: Error): void {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(queryKeys.session, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => query.queryKey[0] !== 'auth' && onApiError(error),
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => mutation.options.meta?.auth !== true && onApiError(error),
  }),
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network blips and 5xx may.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <SuspensePage page={LoginPage} /> },
      { path: '/publicity', element: <SuspensePage page={PublicPublicityPage} /> },
      {
        // The public portal: no login. Anonymous visitors at / are sent here (RequireAuth).
        path: '/portal',
        element: <SuspensePage page={PortalLayout} />,
        children: [
          { index: true, element: <SuspensePage page={PortalHomePage} /> },
          { path: 'notices', element: <SuspensePage page={PortalNoticesPage} /> },
          { path: 'notices/:id', element: <SuspensePage page={PortalNoticePage} /> },
          { path: 'clusters', element: <SuspensePage page={PortalRegistryPage} /> },
          { path: 'clusters/:id', element: <SuspensePage page={PortalClusterPage} /> },
          { path: 'map', element: <SuspensePage page={PortalMapPage} /> },
          { path: 'stats', element: <SuspensePage page={PortalStatsPage} /> },
          { path: 'data', element: <SuspensePage page={PortalDataPage} /> },
          { path: '*', element: <SuspensePage page={NotFoundPage} /> },
        ],
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <SuspensePage page={HomePage} /> },
          { path: 'reference', element: <SuspensePage page={ReferencePage} /> },
          { path: 'declarations', element: <SuspensePage page={DeclarationsPage} /> },
          { path: 'declarations/:id', element: <SuspensePage page={DeclarationPage} /> },
          { path: 'review', element: <SuspensePage page={ReviewPage} /> },
          { path: 'review/recommend', element: <SuspensePage page={RecommendPage} /> },
          { path: 'review/:id', element: <SuspensePage page={ReviewDeclarationPage} /> },
          { path: 'inspections', element: <SuspensePage page={InspectionsPage} /> },
          { path: 'inspections/:id', element: <SuspensePage page={InspectionPage} /> },
          { path: 'city', element: <SuspensePage page={CityPage} /> },
          { path: 'expert', element: <SuspensePage page={ExpertTasksPage} /> },
          { path: 'expert/:assignmentId', element: <SuspensePage page={ExpertAssignmentPage} /> },
          { path: 'ministry', element: <SuspensePage page={MinistryDashboardPage} /> },
          { path: 'ministry/campaigns', element: <SuspensePage page={MinistryCampaignsPage} /> },
          { path: 'ministry/intake', element: <SuspensePage page={MinistryIntakePage} /> },
          { path: 'ministry/panels', element: <SuspensePage page={MinistryPanelsPage} /> },
          { path: 'ministry/panels/:id', element: <SuspensePage page={MinistryPanelPage} /> },
          { path: 'ministry/results', element: <SuspensePage page={MinistryResultsPage} /> },
          { path: 'clusters', element: <SuspensePage page={ClustersPage} /> },
          { path: 'clusters/import', element: <SuspensePage page={ClusterImportPage} /> },
          { path: 'clusters/:id', element: <SuspensePage page={ClusterPage} /> },
          { path: 'annual-reports', element: <SuspensePage page={AnnualReportsPage} /> },
          { path: 'notices/manage', element: <SuspensePage page={NoticesManagePage} /> },
          { path: 're-reviews', element: <SuspensePage page={ClusterReReviewsPage} /> },
          { path: 'policy-support', element: <SuspensePage page={ClusterSupportPage} /> },
          { path: 'provincial', element: <SuspensePage page={ClusterProvincialPage} /> },
          { path: 'settings/notifications', element: <SuspensePage page={NotificationSettingsPage} /> },
          { path: 'admin/mail', element: <SuspensePage page={AdminMailPage} /> },
          { path: 'admin/users', element: <SuspensePage page={AdminUsersPage} /> },
          { path: 'audit', element: <SuspensePage page={AuditPage} /> },
          { path: '*', element: <SuspensePage page={NotFoundPage} /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </QueryClientProvider>
  );
}
