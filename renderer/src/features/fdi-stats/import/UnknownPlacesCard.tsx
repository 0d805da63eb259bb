import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import type { FdiPreview } from '../../../../../shared/api/fdiImport';
import { PLATFORM_TYPE_CODES, type PlatformType } from '../../../../../shared/domain/platform';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { fdiImportMessages } from './messages';
import { placeKey, type PlaceChoices } from './placeChoices';

type Unknown = FdiPreview['unknownPlaces'][number];
const NEW = -1;

/**
 * The 区县 and 园区 a file names that are not set up yet, each once, with what the import will do: take a known one
 * (the proposal, when the names differ only by an abbreviation or the city's name) or add a new one of a type its
 * name suggests. One step: the choices go with the commit, which registers them in the same transaction.
 */
export function UnknownPlacesCard(props: {
  unknown: Unknown[];
  known: { district: Array<{ id: number; name: string }>; platform: Array<{ id: number; name: string }> };
  choices: PlaceChoices;
  onChange(next: PlaceChoices): void;
}) {
  const t = useT(fdiImportMessages);
  const td = useT(domainMessages);
  const set = (u: Unknown, change: Partial<PlaceChoices[string]>) => props.onChange({ ...props.choices, [placeKey(u)]: { ...props.choices[placeKey(u)]!, ...change } });
  return (
    <Alert
      type="info"
      showIcon
      data-testid="fdi-unknown-places"
      title={t('placesTitle', { count: props.unknown.length })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('placesHelp')}</Typography.Text>
          <Table<Unknown>
            size="small"
            pagination={false}
            rowKey={placeKey}
            dataSource={props.unknown}
            columns={[
              { title: t('placeKind'), width: 70, render: (_, u) => <Tag>{u.kind === 'district' ? t('kindDistrict') : t('kindPlatform')}</Tag> },
              { title: t('placeName'), dataIndex: 'name', ellipsis: true },
              { title: t('placeUse'), width: 110, render: (_, u) => (u.firstRow === null ? t('placeFileDistrict') : t('placeRows', { rows: u.rows })) },
              {
                title: t('placeAs'),
                width: 360,
                render: (_, u) => {
                  const choice = props.choices[placeKey(u)]!;
                  const known = props.known[u.kind];
                  return (
                    <Space wrap size={4}>
                      <Select<number>
                        size="small"
                        style={{ width: 190 }}
                        value={choice.matchId ?? NEW}
                        data-testid={`place-${u.name}`}
                        onChange={(v) => set(u, { matchId: v === NEW ? null : v })}
                        options={[
                          { value: NEW, label: t('placeAddNew') },
                          ...known.map((k) => ({ value: k.id, label: t('placeIs', { name: k.name }) })),
                        ]}
                      />
                      {u.kind === 'platform' && choice.matchId === null && (
                        <Select<PlatformType>
                          size="small"
                          style={{ width: 150 }}
                          value={choice.type ?? (u.type as PlatformType)}
                          aria-label={t('placeType')}
                          onChange={(type) => set(u, { type })}
                          options={PLATFORM_TYPE_CODES.map((code) => ({ value: code, label: td(`platformType.${code}`) }))}
                        />
                      )}
                      {u.proposal && !u.proposal.confident && choice.matchId === null && <Typography.Text type="secondary">{t('placeGuess', { name: u.proposal.name })}</Typography.Text>}
                    </Space>
                  );
                },
              },
            ]}
          />
        </Space>
      }
    />
  );
}
