import { useEffect, useState, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  overscan?: number;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  label: string;
  /** Called when the rows in view come within `overscan` rows of the end, to load the next page. */
  onNearEnd?: () => void;
}

/** Renders only the rows in view, so a list of 10,000 notices costs what 20 do. */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  overscan = 6,
  getKey,
  renderRow,
  label,
  onNearEnd,
}: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const nearEnd = last >= items.length;
  useEffect(() => {
    if (nearEnd && onNearEnd) onNearEnd();
  }, [nearEnd, items.length, onNearEnd]);
  return (
    <div
      role="list"
      aria-label={label}
      style={{ height, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div
            role="listitem"
            key={getKey(item)}
            style={{ position: 'absolute', top: (first + i) * rowHeight, left: 0, right: 0, height: rowHeight }}
          >
            {renderRow(item)}
          </div>
        ))}
      </div>
    </div>
  );
}
