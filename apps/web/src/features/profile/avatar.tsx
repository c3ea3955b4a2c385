import { useEffect, useState } from 'react';
import { loadOwnAvatar } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import { initialOf } from './profile-rules.ts';
import './avatar.css';

export interface AvatarProps {
  /** The picture's address (an object URL or a public avatar URL); the initial shows without one. */
  src: string | undefined;
  /** Whose picture: its first character stands in for a missing picture. */
  name: string;
  size?: 'sm' | 'md' | 'lg';
  /** Text for the picture; empty (the default) when the name is written next to it. */
  alt?: string;
}

/** A round profile picture, or the name's initial on the brand colour. */
export function Avatar({ src, name, size = 'md', alt = '' }: AvatarProps) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const show = src !== undefined && failed !== src;
  return (
    <span className={`hb-avatar hb-avatar--${size}`} data-testid="avatar">
      {show ? (
        <img className="hb-avatar__image" src={src} alt={alt} onError={() => setFailed(src)} />
      ) : (
        <span className="hb-avatar__initial" aria-hidden="true">
          {initialOf(name)}
        </span>
      )}
    </span>
  );
}

/**
 * The owner's picture as an object URL, fetched with the bearer token so that a hidden picture
 * shows too; undefined without a picture, while loading, or when it could not be loaded.
 */
export function useOwnAvatar(session: Session, avatarUrl: string | null): string | undefined {
  const [image, setImage] = useState<{ url: string; objectUrl: string } | undefined>(undefined);
  useEffect(() => {
    if (!avatarUrl) return undefined;
    const controller = new AbortController();
    let objectUrl: string | undefined;
    loadOwnAvatar(session, avatarUrl, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        objectUrl = URL.createObjectURL(blob);
        setImage({ url: avatarUrl, objectUrl });
      },
      () => {
        // The initial stands in; the rest of the profile works without the picture.
      },
    );
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [session, avatarUrl]);
  return avatarUrl && image?.url === avatarUrl ? image.objectUrl : undefined;
}
