import { useQuery } from '@tanstack/react-query';
import { expertApi, inspectionApi } from './expert.ts';

export const expertKeys = {
  assignments: ['expert', 'assignments'] as const,
  experts: ['expert', 'accounts'] as const,
  scores: (declarationId: string) => ['expert', 'scores', declarationId] as const,
  /** Every inspection view (a declaration's, the unit-wide list, one inspection) starts with this. */
  allInspections: ['inspections'] as const,
  inspections: (declarationId: string) => ['inspections', declarationId] as const,
  inspectionSearch: (filters: Record<string, string | undefined>) =>
    ['inspections', 'search', filters] as const,
  inspection: (id: string) => ['inspections', 'one', id] as const,
  peers: (assignmentId: string) => ['expert', 'peers', assignmentId] as const,
};

/** The other experts' scores on a panel assignment (anonymous); only asked for once the panel revealed them. */
export function usePeerScores(assignmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: expertKeys.peers(assignmentId),
    queryFn: ({ signal }) => expertApi.peers(assignmentId, signal),
    enabled,
    staleTime: 0,
  });
}

export function useAssignments(enabled = true) {
  return useQuery({
    queryKey: expertKeys.assignments,
    queryFn: ({ signal }) => expertApi.assignments(signal),
    enabled,
    staleTime: 0,
  });
}

export function useExpertAccounts() {
  return useQuery({
    queryKey: expertKeys.experts,
    queryFn: ({ signal }) => expertApi.experts(signal),
    staleTime: 60_000,
  });
}

export function useScoreSheet(declarationId: string) {
  return useQuery({
    queryKey: expertKeys.scores(declarationId),
    queryFn: ({ signal }) => expertApi.scores(declarationId, signal),
    staleTime: 0,
  });
}

export function useInspections(declarationId: string) {
  return useQuery({
    queryKey: expertKeys.inspections(declarationId),
    queryFn: ({ signal }) => inspectionApi.list(declarationId, signal),
    staleTime: 0,
  });
}

export function useInspectionSearch(filters: {
  from?: string;
  to?: string;
  status?: string;
  purpose?: 'declaration' | 're_review';
}) {
  return useQuery({
    queryKey: expertKeys.inspectionSearch(filters),
    queryFn: ({ signal }) => inspectionApi.search(filters, signal),
    staleTime: 0,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: expertKeys.inspection(id),
    queryFn: ({ signal }) => inspectionApi.get(id, signal),
    staleTime: 0,
  });
}
