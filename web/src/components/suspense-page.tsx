import { type ComponentType, type LazyExoticComponent, Suspense } from 'react';
import { PageLoading } from './page-loading.tsx';

/** Renders a lazily loaded page with a loading indicator while its chunk arrives. */
export function SuspensePage({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}
