// The map's legend and its accessible twin: every district with its rate, residents and parcels.
import type { DistrictFigure } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { colourFor, rateDigits } from './colour-scale.ts';

/** A table of the districts, coloured like the map. */
export function DistrictLegend({ districts, outsideCity }: { districts: readonly DistrictFigure[]; outsideCity: number }) {
  const { t, number, locale } = useLocale();
  const max = Math.max(0, ...districts.map((district) => district.per_thousand));
  const sorted = [...districts].sort((a, b) => b.per_thousand - a.per_thousand);
  return (
    <table className="legend" aria-label={t('overview.map')}>
      <thead>
        <tr>
          <th>{t('overview.legend')}</th>
          <th className="num">{t('overview.perThousand')}</th>
          <th className="num">{t('overview.parcels')}</th>
          <th className="num">{t('overview.population')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((district) => (
          <tr key={district.adcode} data-district={district.adcode}>
            <td>
              <span className="swatch" style={{ background: colourFor(district.per_thousand, max) }} aria-hidden="true" />
              {locale === 'en' ? district.name_en : district.name_zh}
            </td>
            <td className="num">{number(district.per_thousand, rateDigits(district.per_thousand))}</td>
            <td className="num">{number(district.parcels)}</td>
            <td className="num">{number(district.population)}</td>
          </tr>
        ))}
      </tbody>
      {outsideCity > 0 && (
        <tfoot>
          <tr>
            <td>{t('overview.outside')}</td>
            <td />
            <td className="num">{number(outsideCity)}</td>
            <td />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
