import { otherMethods } from '@/lib/http';
import { postBallot } from '@/server/voting/cast-ballot/in-next';

export const dynamic = 'force-dynamic';

/**
 * POST a ballot as JSON (server/voting/cast-ballot/answer.ts); the production server usually answers
 * it before Next does, with the same use case (server/voting/cast-ballot/fast-path.ts).
 */
export const POST = postBallot;

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
