import { z } from 'zod';

/**
 * Every list takes `limit`/`offset` plus a `sort` field and `order`, and returns one page with the
 * offset of the next one. Repos always add the primary key as the last sort key, so pages are
 * stable even when many rows share the sort value.
 */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export const sortQuery = <const T extends readonly [string, ...string[]]>(fields: T) =>
  z.enum(fields).default(fields[0]);

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.object({ limit: z.number(), offset: z.number(), nextOffset: z.number().nullable() }),
  });

/** Repos are asked for `limit + 1` rows: the extra one only tells whether a next page exists. */
export const toPage = <T>(rows: T[], q: { limit: number; offset: number }) => ({
  items: rows.slice(0, q.limit),
  page: {
    limit: q.limit,
    offset: q.offset,
    nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
  },
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
