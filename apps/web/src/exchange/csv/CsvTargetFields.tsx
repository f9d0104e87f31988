/**
 * Where the imported notes go: outside any cluster, into one already on the board, or into a new
 * one with a name. The choice's own field (the cluster, the name) is enabled only while it is chosen.
 */
import { type ClusterSnapshot, MAX_CLUSTER_NAME_LENGTH } from '@samla/board'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportTarget, TargetProblem } from './csvCheck'

export interface TargetChoice {
  readonly kind: ImportTarget['kind']
  readonly clusterId: string
  readonly name: string
}

export function targetOf(choice: TargetChoice): ImportTarget {
  if (choice.kind === 'existing') return { kind: 'existing', clusterId: choice.clusterId }
  if (choice.kind === 'new') return { kind: 'new', name: choice.name }
  return { kind: 'none' }
}

interface CsvTargetFieldsProps {
  readonly clusters: readonly ClusterSnapshot[]
  readonly choice: TargetChoice
  readonly problem: TargetProblem | null
  readonly onChange: (choice: TargetChoice) => void
}

export function CsvTargetFields({ clusters, choice, problem, onChange }: CsvTargetFieldsProps) {
  const { t } = useTranslation()
  const group = useId()
  const clusterId = useId()
  const nameId = useId()
  const problemId = useId()
  const radio = (kind: TargetChoice['kind'], label: string, disabled = false) => (
    <label className="choice">
      <input
        type="radio"
        name={group}
        value={kind}
        checked={choice.kind === kind}
        disabled={disabled}
        onChange={() => onChange({ ...choice, kind })}
      />
      {label}
    </label>
  )
  return (
    <fieldset className="csv-fields">
      <legend>{t('exchange.csv.targetLegend')}</legend>
      {radio('none', t('exchange.csv.targetNone'))}
      {radio('existing', t('exchange.csv.targetExisting'), clusters.length === 0)}
      <div className="choice-detail">
        <label htmlFor={clusterId} className="visually-hidden">
          {t('exchange.csv.clusterLabel')}
        </label>
        <select
          id={clusterId}
          value={choice.clusterId}
          disabled={choice.kind !== 'existing'}
          aria-invalid={problem === 'cluster-gone'}
          aria-describedby={problem === 'cluster-gone' ? problemId : undefined}
          onChange={(event) => onChange({ ...choice, clusterId: event.currentTarget.value })}
        >
          {clusters.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {cluster.name || t('exchange.csv.unnamedCluster')}
            </option>
          ))}
        </select>
      </div>
      {radio('new', t('exchange.csv.targetNew'))}
      <div className="choice-detail">
        <label htmlFor={nameId} className="visually-hidden">
          {t('exchange.csv.newClusterName')}
        </label>
        <input
          id={nameId}
          type="text"
          value={choice.name}
          maxLength={MAX_CLUSTER_NAME_LENGTH}
          disabled={choice.kind !== 'new'}
          placeholder={t('exchange.csv.newClusterName')}
          aria-invalid={problem === 'name-missing'}
          aria-describedby={problem === 'name-missing' ? problemId : undefined}
          onChange={(event) => onChange({ ...choice, name: event.currentTarget.value })}
        />
      </div>
      <p id={problemId} className="form-error">
        {problem && t(`exchange.csv.target.${problem}`)}
      </p>
    </fieldset>
  )
}
