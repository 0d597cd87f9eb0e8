import { z } from 'astro/zod';

/** A city on the world map (`content/places.yaml`). */
export const placeSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();
