import { Outlet } from 'react-router';
import { PublicShell } from '../public-shell.tsx';

/** The public portal's frame: the public shell (with the portal's sections) around the page. */
export default function PortalLayout() {
  return (
    <PublicShell wide>
      <Outlet />
    </PublicShell>
  );
}
