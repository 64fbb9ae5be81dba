/** A text whose search hits are highlighted with `<mark>`: the parts come marked from the core. */
import type { MarkedText } from '../../shared/domain/audit';

export function Marked({ parts }: { parts: MarkedText }): React.JSX.Element {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="search-hit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
