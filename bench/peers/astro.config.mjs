// The peer a team would pick instead of this project: a Starlight docs site with the same pages,
// in the same eight languages. `npm run bench` writes the pages into src/content/docs/ and builds it.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://starlight-peer.example',
  integrations: [
    starlight({
      title: 'Seoul Solutions Manual',
      defaultLocale: 'ko',
      locales: {
        ko: { label: '한국어', lang: 'ko' },
        en: { label: 'English', lang: 'en' },
        es: { label: 'Español', lang: 'es' },
        fr: { label: 'Français', lang: 'fr' },
        ar: { label: 'العربية', lang: 'ar', dir: 'rtl' },
        zh: { label: '简体中文', lang: 'zh-CN' },
        vi: { label: 'Tiếng Việt', lang: 'vi' },
        id: { label: 'Bahasa Indonesia', lang: 'id' },
      },
    }),
  ],
});
