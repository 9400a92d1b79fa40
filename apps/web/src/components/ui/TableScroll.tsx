import { type ReactNode, useEffect, useRef, useState } from 'react';

interface TableScrollProps {
  /** Names the scroll region for assistive technology, e.g. "People table". */
  label: string;
  children: ReactNode;
  className?: string;
}

/**
 * A horizontally scrollable frame for a wide table. Shadows on the edges and a "Scroll" hint show
 * that there is more to the side; the region is focusable so keyboard users can scroll it too.
 */
export function TableScroll({ label, children, className }: TableScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const hidden = element.scrollWidth - element.clientWidth - element.scrollLeft;
      setMore(hidden > 1);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    element.addEventListener('scroll', update, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', update);
    };
  }, []);

  return (
    <div className={['table-scroll-frame', className ?? ''].filter(Boolean).join(' ')}>
      <div className="table-scroll-hint" aria-hidden="true" hidden={!more}>
        Scroll <span className="table-scroll-arrow">→</span>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section ref={ref} className="table-scroll" tabIndex={0} aria-label={label}>
        {children}
      </section>
    </div>
  );
}
