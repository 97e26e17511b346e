/**
 * The production server's line for page renders (server/http/render-queue.ts): at most `limit` at
 * once per worker, the rest in arrival order, a finished or abandoned render frees its turn, and a
 * client that leaves while waiting is never rendered.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { isRender, renderQueue } from '../server/http/render-queue';

const response = () => new EventEmitter() as unknown as ServerResponse;

describe('renderQueue', () => {
  it('renders at most `limit` at once, the rest in the order they came', () => {
    const queue = renderQueue(2);
    const started: number[] = [];
    const responses = [0, 1, 2, 3].map(() => response());
    responses.forEach((res, i) => {
      queue.serve(res, () => started.push(i));
    });
    expect(started).toEqual([0, 1]);
    expect([queue.active, queue.waiting]).toEqual([2, 2]);
    responses[1]?.emit('finish');
    responses[1]?.emit('close');
    expect(started).toEqual([0, 1, 2]);
    responses[0]?.emit('close'); // the client went away mid-render: its turn is freed too
    expect(started).toEqual([0, 1, 2, 3]);
    expect([queue.active, queue.waiting]).toEqual([2, 0]);
  });

  it('never renders for a client that left while waiting', () => {
    const queue = renderQueue(1);
    const started: string[] = [];
    const first = response();
    const gone = response();
    const last = response();
    queue.serve(first, () => started.push('first'));
    queue.serve(gone, () => started.push('gone'));
    queue.serve(last, () => started.push('last'));
    gone.emit('close');
    first.emit('finish');
    expect(started).toEqual(['first', 'last']);
  });

  it('a response that never finishes holds its turn only so long', () => {
    vi.useFakeTimers();
    try {
      const queue = renderQueue(1, 10_000);
      const started: string[] = [];
      queue.serve(response(), () => started.push('stuck'));
      queue.serve(response(), () => started.push('next'));
      vi.advanceTimersByTime(9_999);
      expect(started).toEqual(['stuck']);
      vi.advanceTimersByTime(1);
      expect(started).toEqual(['stuck', 'next']);
      expect([queue.active, queue.waiting]).toEqual([1, 0]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('queues page and router-payload GETs, not static files, API routes or posts', () => {
    const req = (url: string, method = 'GET') => ({ url, method }) as IncomingMessage;
    expect(isRender(req('/c/1/topics'))).toBe(true);
    expect(isRender(req('/d/district/1?_rsc=x', 'HEAD'))).toBe(true);
    expect(isRender(req('/_next/static/chunks/a.js'))).toBe(false);
    expect(isRender(req('/api/photos/3'))).toBe(false);
    expect(isRender(req('/c/1/topics', 'POST'))).toBe(false);
    expect(isRender(req('/serwist/sw.js'))).toBe(false);
    expect(isRender(req('/favicon.ico'))).toBe(false);
    expect(isRender(req('/manifest.webmanifest'))).toBe(false);
    expect(isRender(req('/c/1/board?from=1.5'))).toBe(true);
  });
});
