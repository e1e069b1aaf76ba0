import { useTranslation } from 'react-i18next';
import type { CampaignOverview } from '../../api/ministry.ts';
import { useLanguage } from '../../i18n/index.ts';
import { fillLevel, SHORT_EN, shortUnitName, TILE_COLS, tilesInReadingOrder } from './tile-map-layout.ts';

type OverviewUnit = CampaignOverview['units'][number];

/**
 * The 37 units as a tile-grid cartogram, coloured by recommended / quota. Each tile is a button (Tab in
 * reading order, Enter opens the unit's intake); the legend says what the colours mean.
 */
export function UnitTileMap({
  units,
  onPick,
}: {
  units: readonly OverviewUnit[];
  onPick: (unitCode: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const tiles = tilesInReadingOrder(units);
  const rows = Math.max(...tiles.map((x) => x.row + 1), 1);

  return (
    <figure className="tile-map-figure">
      <ul
        className="tile-map"
        aria-label={t('ministry.map.label')}
        style={{
          gridTemplateColumns: `repeat(${TILE_COLS}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, auto)`,
        }}
      >
        {tiles.map((u) => {
          const level = fillLevel(u.recommended, u.quota);
          const name = lang === 'en' ? u.nameEn : u.name;
          const short = lang === 'en' ? (SHORT_EN[u.code] ?? u.nameEn) : shortUnitName(u.name);
          return (
            <li key={u.code} style={{ gridRow: u.row + 1, gridColumn: u.col + 1 }} className="tile-cell">
              {/* The name comes from the hidden sentence, not aria-label: a label that does not contain the
                  visible text (short name, count) would not match it for speech input. */}
              <button
                type="button"
                className={`tile tile-${level}`}
                title={name}
                onClick={() => onPick(u.code)}
              >
                <span
                  className={short.length > 7 ? 'tile-name tile-name-long' : 'tile-name'}
                  aria-hidden="true"
                >
                  {short}
                </span>
                <span className="tile-count" aria-hidden="true">
                  {u.recommended}/{u.quota}
                </span>
                <span className="visually-hidden">
                  {t('ministry.map.tile', {
                    name,
                    recommended: u.recommended,
                    quota: u.quota,
                    level: t(`ministry.map.levels.${level}`),
                  })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <figcaption className="tile-legend">
        {(['none', 'partial', 'full', 'over'] as const).map((level) => (
          <span key={level} className="tile-legend-item">
            <span className={`tile-swatch tile-${level}`} aria-hidden="true" />
            {t(`ministry.map.levels.${level}`)}
          </span>
        ))}
        <span className="tile-legend-note">{t('ministry.map.hint')}</span>
      </figcaption>
    </figure>
  );
}
