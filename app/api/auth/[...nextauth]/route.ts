import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { authRefusal, CALLBACK_COOKIES } from '@/lib/auth/auth-request';
import { authOptions } from '@/server/auth/options';
import { json, otherMethods } from '@/lib/http';

type Context = { params: Promise<{ nextauth: string[] }> };

/** A POST's body as next-auth will read it (utils.getBody), from a copy so next-auth still gets it. */
async function bodyOf(req: NextRequest) {
  const type = req.headers.get('content-type') ?? '';
  if (req.method !== 'POST') return undefined;
  if (type.includes('application/json')) {
    try {
      const body: unknown = JSON.parse(await req.clone().text());
      const callbackUrls = typeof body === 'object' && body !== null && 'callbackUrl' in body ? [body.callbackUrl] : [];
      return { parses: true, callbackUrls };
    } catch {
      return { parses: false, callbackUrls: [] };
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return { parses: true, callbackUrls: new URLSearchParams(await req.clone().text()).getAll('callbackUrl') };
  }
  return undefined;
}

/** next-auth, behind the refusals of lib/auth/auth-request.ts (each of which it would answer with a 500). */
async function handler(req: NextRequest, ctx: Context) {
  const cookie = CALLBACK_COOKIES.map((n) => req.cookies.get(n)?.value).find((v) => v !== undefined);
  const refusal = authRefusal({
    method: req.method,
    segments: (await ctx.params).nextauth ?? [],
    callbackUrls: req.nextUrl.searchParams.getAll('callbackUrl'),
    callbackCookie: cookie,
    body: await bodyOf(req),
  });
  if (!refusal) return NextAuth(authOptions())(req, ctx);
  const res = json({ ok: false, message: refusal.message }, refusal.status);
  if (refusal.allow) res.headers.set('Allow', refusal.allow);
  if (refusal.clearCallbackCookie) {
    for (const name of CALLBACK_COOKIES) {
      const secure = name.startsWith('__Secure-') ? '; Secure' : '';
      res.headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
    }
  }
  return res;
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods('GET, HEAD, POST');
