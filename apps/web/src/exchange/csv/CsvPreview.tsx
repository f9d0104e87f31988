/** The first rows of the chosen file as a table, with the line each row starts on, so mapping is done by sight. */
import type { CsvTable } from '@samla/board'
import { useTranslation } from 'react-i18next'

const PREVIEW_ROWS = 5

export function CsvPreview({ table, fileName }: { readonly table: CsvTable; readonly fileName: string }) {
  const { t } = useTranslation()
  const rows = table.rows.slice(0, PREVIEW_ROWS)
  return (
    <div className="csv-preview">
      <table>
        <caption>
          {t('exchange.csv.previewCaption', { file: fileName, shown: rows.length, total: table.rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.csv.line')}</th>
            {table.columns.map((column, i) => (
              // Columns may repeat a name or have none, so their place is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <th scope="row">{row.line}</th>
              {table.columns.map((column, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their place.
                <td key={i}>{row.cells[column]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
