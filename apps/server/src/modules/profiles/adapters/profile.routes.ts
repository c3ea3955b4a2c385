import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccountIdParams, OwnProfile, ProfileEdit, ProfileExport, PublicProfile, WelcomeInput } from '@heyblue/contracts/profiles';
import { requireActor } from '../../../platform/http/actor.ts';
import { exportProfile } from '../application/export-profile.ts';
import { getOwnProfile } from '../application/get-own-profile.ts';
import type { ProfilesDeps } from '../application/profiles-deps.ts';
import { updateProfile } from '../application/update-profile.ts';
import { viewProfile } from '../application/view-profile.ts';
import { completeWelcome, suggestedNameFor } from '../application/welcome.ts';
import { presentOwnProfile, presentPublicProfile } from './profile-views.ts';

const signedIn = [{ bearer: [] }];

/** The caller's own profile (read, edit, export) and anyone's public one. */
export function profileRoutes(deps: ProfilesDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/profiles/me', {
      schema: { tags: ['profiles'], summary: 'Your profile, with privacy settings and counts', security: signedIn, response: { 200: OwnProfile } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      reply.header('cache-control', 'no-store');
      const profile = await getOwnProfile(deps, actor.accountId);
      return presentOwnProfile(profile, await suggestedNameFor(deps, profile));
    });

    app.put('/profiles/me/welcome', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['profiles'],
        summary: 'The welcome step after a first sign-in: your display name and language',
        description: 'Marks the profile onboarded (the app stops asking). The name is trimmed, 1–40 characters. Safe to send again.',
        security: signedIn,
        body: WelcomeInput,
        response: { 200: OwnProfile },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      reply.header('cache-control', 'no-store');
      return presentOwnProfile(await completeWelcome(deps, { accountId: actor.accountId, correlationId: request.id }, request.body));
    });

    app.patch('/profiles/me', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['profiles'],
        summary: 'Change your display name, bio or privacy settings',
        description: 'Only the parts sent change. Names and bios are trimmed; names of 1–40 characters, bios of up to 280.',
        security: signedIn,
        body: ProfileEdit,
        response: { 200: OwnProfile },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      reply.header('cache-control', 'no-store');
      return presentOwnProfile(await updateProfile(deps, { accountId: actor.accountId, correlationId: request.id }, request.body));
    });

    app.get('/profiles/me/export', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags: ['profiles'], summary: 'Everything stored about you in profiles, as JSON', security: signedIn, response: { 200: ProfileExport } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const { profile, avatarDataUrl } = await exportProfile(deps, actor.accountId);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', 'attachment; filename="heyblue-profile.json"');
      const own = presentOwnProfile(profile);
      return {
        exportedAt: deps.clock.now().toISOString(),
        profile: {
          accountId: own.accountId,
          displayName: own.displayName,
          bio: own.bio,
          avatar: avatarDataUrl && profile.avatarUpdatedAt ? { dataUrl: avatarDataUrl, updatedAt: profile.avatarUpdatedAt.toISOString() } : null,
          privacy: own.privacy,
          counts: own.counts,
          createdAt: own.createdAt,
          updatedAt: own.updatedAt,
        },
      };
    });

    app.get('/profiles/:accountId', {
      schema: {
        tags: ['profiles'],
        summary: 'A public profile',
        description: 'Anyone may look, signed in or not; only what the owner shows is there.',
        security: [{}, { bearer: [] }],
        params: AccountIdParams,
        response: { 200: PublicProfile },
      },
    }, async (request) => presentPublicProfile(await viewProfile(deps, request.params.accountId)));
  };
}
