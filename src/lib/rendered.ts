/**
 * Content bodies rendered during this build, by content file. A case body is rendered once per
 * file and its HTML feeds the web page, the brochure and the manual (the manual scopes its ids):
 * the MDX, its components, charts and images run once, not three times. In `astro dev` nothing
 * is kept, so an edit to a case or its data shows on the next request.
 */
const bodies = new Map<string, Promise<string>>();

/** The HTML of `file`'s body: rendered by `render` the first time it is asked for, then reused. */
export function renderOnce(file: string | undefined, render: () => Promise<string>): Promise<string> {
  if (!file || import.meta.env.DEV) return render();
  let html = bodies.get(file);
  if (!html) {
    html = render();
    bodies.set(file, html);
  }
  return html;
}
