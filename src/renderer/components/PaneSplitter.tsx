import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

const step = 32;

/**
 * The border between a list and its detail pane, to drag or move with ← and → (WAI-ARIA window
 * splitter): it sets the detail pane's width within [min, max] pixels.
 */
export function PaneSplitter({
  label,
  controls,
  width,
  min,
  max,
  onWidth,
}: {
  label: string;
  /** The id of the detail pane. */
  controls: string;
  width: number;
  min: number;
  max: number;
  onWidth: (width: number) => void;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The pane is on the right: moving the border left makes it wider.
    const next = { ArrowLeft: width + step, ArrowRight: width - step, Home: max, End: min }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onWidth(clamp(next));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, width };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onWidth(clamp(drag.current.width + drag.current.x - event.clientX));
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-splitter"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
    />
  );
}
