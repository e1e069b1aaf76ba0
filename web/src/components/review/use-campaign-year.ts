import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useCampaigns } from '../../api/declaration-queries.ts';
import { pickCampaignYear } from './review-format.ts';

/** The campaign the unit's screens show: `?year=` when it exists, else the open one. */
export function useCampaignYear() {
  const campaigns = useCampaigns();
  const [params, setParams] = useSearchParams();
  const items = campaigns.data?.items ?? [];
  const requested = Number.parseInt(params.get('year') ?? '', 10);
  const year = pickCampaignYear(items, Number.isNaN(requested) ? null : requested);
  const campaign = items.find((c) => c.year === year);
  const setYear = useCallback(
    (next: number) =>
      setParams(
        (p) => {
          const out = new URLSearchParams(p);
          out.set('year', String(next));
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { campaigns, items, year, campaign, setYear };
}
