import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, theme } from 'antd';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';

export interface VirtualColumn<Row> {
  key: string;
  title: ReactNode;
  width: number;
  render(row: Row): ReactNode;
  /** The server sort field this column sorts by, when it can. */
  sortField?: string;
  align?: 'left' | 'right' | 'center';
  /** Takes the room the other columns leave (width is then its least): a long last column ends at the window's edge. */
  grow?: boolean;
}

interface Props<Row> {
  columns: VirtualColumn<Row>[];
  total: number;
  rowAt(index: number): Row | undefined;
  /** Called with the visible row range (inclusive) as the user scrolls: load those pages. */
  onRange(from: number, to: number): void;
  sort?: { field: string; order: 'asc' | 'desc' };
  onSort?(field: string): void;
  onRowClick?(row: Row): void;
  selectedId?: number | null;
  /** Shown dimmed while a new query's rows are on their way. */
  stale?: boolean;
  height: number | string;
  testId?: string;
  emptyText?: ReactNode;
  rowTestId?: string;
}

const ROW_HEIGHT = 40;

/**
 * A table of any length served a page at a time: only the rows in view (plus overscan) are in the DOM, and a row
 * whose page has not arrived yet shows a placeholder bar instead of nothing. Columns have fixed widths so rows never
 * shift as data arrives; the header stays on top and scrolls sideways with the body.
 */
export function PagedVirtualTable<Row extends { id: number }>(props: Props<Row>) {
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 30 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRange } = props;
  useEffect(() => {
    if (props.total > 0) onRange(first, last);
  }, [first, last, props.total, onRange]);
  // a new query starts at the top
  useEffect(() => {
    if (!props.stale) return;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [props.stale]);

  const width = props.columns.reduce((s, c) => s + c.width, 0);
  const cell = (c: VirtualColumn<Row>): CSSProperties => ({
    width: c.width,
    flex: `${c.grow ? 1 : 0} 0 ${c.width}px`,
    padding: '0 8px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: c.align ?? 'left',
  });

  return (
    <div
      ref={scrollRef}
      data-testid={props.testId}
      data-total={props.total}
      style={{ height: props.height, overflow: 'auto', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius, background: token.colorBgContainer }}
    >
      <div style={{ width, minWidth: '100%' }}>
        <div
          role="row"
          style={{
            display: 'flex',
            position: 'sticky',
            top: 0,
            zIndex: 1,
            height: ROW_HEIGHT,
            alignItems: 'center',
            background: token.colorFillAlter,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            fontWeight: 600,
          }}
        >
          {props.columns.map((c) => {
            const active = props.sort && c.sortField && props.sort.field === c.sortField;
            return (
              <div
                key={c.key}
                role="columnheader"
                data-testid={c.sortField ? `sort-${c.sortField}` : undefined}
                style={{ ...cell(c), cursor: c.sortField ? 'pointer' : undefined, userSelect: 'none' }}
                onClick={() => c.sortField && props.onSort?.(c.sortField)}
              >
                {c.title}
                {active && (props.sort!.order === 'asc' ? <CaretUpOutlined style={{ marginLeft: 4 }} /> : <CaretDownOutlined style={{ marginLeft: 4 }} />)}
              </div>
            );
          })}
        </div>
        {props.total === 0 ? (
          <Empty style={{ padding: 48 }} description={props.emptyText} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', opacity: props.stale ? 0.55 : 1, transition: 'opacity 0.15s' }}>
            {items.map((item) => {
              const row = props.rowAt(item.index);
              const selected = row && row.id === props.selectedId;
              return (
                <div
                  key={item.key}
                  role="row"
                  data-testid={row ? props.rowTestId : `${props.rowTestId ?? 'row'}-loading`}
                  data-id={row?.id}
                  onClick={() => row && props.onRowClick?.(row)}
                  style={{
                    display: 'flex',
                    alignItems: 'center',
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    borderBottom: `1px solid ${token.colorBorderSecondary}`,
                    cursor: props.onRowClick ? 'pointer' : undefined,
                    background: selected ? token.controlItemBgActive : item.index % 2 ? token.colorFillQuaternary : undefined,
                  }}
                >
                  {row
                    ? props.columns.map((c) => (
                        <div key={c.key} style={cell(c)}>
                          {c.render(row)}
                        </div>
                      ))
                    : props.columns.map((c) => (
                        <div key={c.key} style={cell(c)}>
                          <div style={{ height: 12, width: '70%', borderRadius: 4, background: token.colorFillSecondary }} />
                        </div>
                      ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
