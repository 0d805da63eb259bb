import type { SegmentStatus } from '../../../../shared/domain/chain';
import { STATUS_ICON, STATUS_STYLE } from '../../../../shared/chains/style';

/** The status icon (✔ disc / half disc / ✕ ring): the same shapes as in exported pictures, readable without colour. */
export function StatusIcon({ status, size = 18, background = '#fff' }: { status: SegmentStatus; size?: number; background?: string }) {
  const { color } = STATUS_STYLE[status];
  const icon = STATUS_ICON[status];
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden style={{ flex: 'none' }}>
      {icon.disc === 'full' && <circle cx="12" cy="12" r="11" fill={color} />}
      {icon.disc !== 'full' && <circle cx="12" cy="12" r="10" fill={background} stroke={color} strokeWidth="2.5" />}
      {icon.disc === 'half' && <path d="M12 2 A10 10 0 0 0 12 22 Z" fill={color} />}
      {icon.mark && (
        <path d={icon.mark} fill="none" stroke={icon.disc === 'full' ? '#fff' : color} strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      )}
    </svg>
  );
}

/** CSS for a node's fill pattern: dots for 弱, hatching for 缺, so the status also shows in black-and-white print. */
export function statusBackground(status: SegmentStatus): string {
  const st = STATUS_STYLE[status];
  const base = st.fill;
  if (st.pattern === 'hatch') return `repeating-linear-gradient(45deg, ${st.color}44 0 2px, transparent 2px 8px), ${base}`;
  if (st.pattern === 'dots') return `radial-gradient(${st.color}66 1.2px, transparent 1.4px) 0 0 / 8px 8px, ${base}`;
  return base;
}

export function statusBorder(status: SegmentStatus): string {
  const st = STATUS_STYLE[status];
  const kind = status === 'strong' ? 'solid' : status === 'weak' ? 'dashed' : 'dotted';
  return `${st.borderWidth}px ${kind} ${st.color}`;
}
