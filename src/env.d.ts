/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The case an MDX body belongs to, for the components inside it. */
    mdxContext?: import('./lib/mdx-context.ts').MdxContext;
  }
}
