"use client";

import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

const STORAGE_KEY = "atelier-test-panel-width";
const REM = 16;
/** The test panel's width range; the editor keeps at least EDITOR_MIN beside it. */
const PANEL_MIN = 18 * REM;
const PANEL_MAX = 40 * REM;
const EDITOR_MIN = 24 * REM;
const STEP = REM;

/** The default panel width for a container: 22rem when there is room, else what leaves the editor ~60%. */
function defaultWidth(container: number) {
  return Math.round(Math.min(22 * REM, Math.max(PANEL_MIN, container * 0.36)));
}

function clampWidth(width: number, container: number) {
  const max = Math.max(PANEL_MIN, Math.min(PANEL_MAX, container - EDITOR_MIN));
  return Math.round(Math.min(max, Math.max(PANEL_MIN, width)));
}

/**
 * The tool page from 1024 px up: the editor and the test panel side by side, split by a handle
 * that resizes the panel (drag it, or focus it and use the arrow keys, Home and End; the WAI-ARIA
 * window splitter pattern). The width is remembered in this browser. Below 1024 px the panel
 * sits under the editor at full width.
 */
export function EditorSplit({ editor, panel }: { editor: ReactNode; panel: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null);
  // null until measured: the CSS default (22rem, or less on a narrow screen) applies meanwhile.
  const [width, setWidth] = useState<number | null>(null);
  const [containerWidth, setContainerWidth] = useState(0);
  const dragRef = useRef<{ startX: number; startWidth: number } | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    const measure = () => {
      const available = container.getBoundingClientRect().width;
      setContainerWidth(available);
      setWidth((current) => clampWidth(current ?? (stored > 0 ? stored : defaultWidth(available)), available));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  const resize = useCallback(
    (next: number) => {
      const clamped = clampWidth(next, containerWidth);
      setWidth(clamped);
      localStorage.setItem(STORAGE_KEY, String(clamped));
    },
    [containerWidth],
  );

  function onKeyDown(event: KeyboardEvent) {
    if (width === null) return;
    const moves: Record<string, number> = {
      // The handle moves the way the arrow points: left widens the panel, right gives the editor room.
      ArrowLeft: width + STEP,
      ArrowRight: width - STEP,
      Home: PANEL_MAX,
      End: PANEL_MIN,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    resize(moves[event.key]);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (width === null || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { startX: event.clientX, startWidth: width };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const drag = dragRef.current;
    if (drag) resize(drag.startWidth + drag.startX - event.clientX);
  }

  const max = Math.max(PANEL_MIN, Math.min(PANEL_MAX, containerWidth - EDITOR_MIN));

  return (
    <div
      ref={containerRef}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_1rem_var(--test-panel-width)] lg:gap-0"
      style={{ "--test-panel-width": width === null ? "min(22rem, 36%)" : `${width}px` } as CSSProperties}
    >
      <div className="min-w-0">{editor}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable window splitter (role=separator with a value) has no HTML element. */}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the test panel"
        aria-controls="test-panel"
        aria-valuemin={PANEL_MIN}
        aria-valuemax={max}
        aria-valuenow={width ?? undefined}
        aria-valuetext={width === null ? undefined : `Test panel ${width} px wide`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          dragRef.current = null;
        }}
        onPointerCancel={() => {
          dragRef.current = null;
        }}
        className="group hidden cursor-col-resize touch-none justify-center self-stretch rounded focus-visible:outline-2 focus-visible:outline-accent lg:flex"
      >
        <span className="my-2 w-px bg-line transition-colors group-hover:w-0.5 group-hover:bg-accent group-focus-visible:bg-accent" />
      </div>
      <div className="min-w-0">{panel}</div>
    </div>
  );
}
