import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Industry } from '../../api/types.ts';

const SEARCH_DELAY_MS = 300;

/** GB/T 4754-2017 picker with remote search; shows and stores codes, labelled “code name”. */
export function IndustrySelect({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  describedBy?: string;
  value: string | null;
  onChange: (code: string | null, industry: Industry | null) => void;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const results = useQuery({
    queryKey: ['industries', 'search', q],
    queryFn: ({ signal }) => api.industries({ q, limit: 30 }, signal),
    enabled: q.length > 0,
    staleTime: 60 * 60_000,
  });
  // The name of the stored code, for showing it before any search.
  const current = useQuery({
    queryKey: ['industries', 'one', value],
    queryFn: ({ signal }) => api.industry(value ?? '', signal),
    enabled: !!value,
    staleTime: 60 * 60_000,
    retry: false,
  });

  const found = (results.data?.items ?? []).filter((i) => /^\d{2,4}$/.test(i.code));
  const items: Industry[] = [...found];
  if (current.data && !items.some((i) => i.code === current.data.code)) items.unshift(current.data);
  const options = items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
  if (value && !items.some((i) => i.code === value)) options.unshift({ value, label: value });

  return (
    <Select<string>
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={t('fields.industryCodeHint')}
      filterOption={false}
      onSearch={setInput}
      loading={results.isFetching}
      options={options}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      notFoundContent={q ? undefined : null}
      onChange={(code) => onChange(code ?? null, items.find((i) => i.code === code) ?? null)}
    />
  );
}
