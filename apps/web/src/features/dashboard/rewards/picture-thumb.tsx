import { CatalogueArt } from '../../rewards/catalogue-art.tsx';
import type { ArtSubject } from '../../rewards/catalogue-art.tsx';
import './picture.css';

/** A small 16:10 picture of an offer or cause in a dashboard list, or its artwork when it has none (decorative: the row names it). */
export function PictureThumb({ url, art }: { url: string | null; art: ArtSubject }) {
  return (
    <span className="hb-pr-thumb" data-testid="picture-thumb">
      {url ? <img src={url} alt="" width={800} height={500} loading="lazy" decoding="async" /> : <CatalogueArt of={art} />}
    </span>
  );
}
