import { hostSuffixes } from './allowlist';

/**
 * Video and document-sharing sites: anyone can upload there, so a whole episode, film or book labelled with
 * its episode number and the uploader's "no copyright intended" is a re-upload, not the licensed release.
 * Official channels on the same sites link to the work's official domain, which holds the page to
 * "needs an actual copy" (see score.ts).
 */
const SHARING = new Set([
  // video
  'youtube.com',
  'youtu.be',
  'dailymotion.com',
  'vimeo.com',
  'bilibili.com',
  'b23.tv',
  'ixigua.com',
  'douyin.com',
  'kuaishou.com',
  'tiktok.com',
  'ok.ru',
  'vk.com',
  'vkvideo.ru',
  'rutube.ru',
  'rumble.com',
  'odysee.com',
  'bitchute.com',
  'archive.org',
  'nicovideo.jp',
  'acfun.cn',
  'youku.com',
  'tudou.com',
  'facebook.com',
  'twitch.tv',
  // documents
  'scribd.com',
  'issuu.com',
  'slideshare.net',
  'docplayer.net',
  'yumpu.com',
  'dokumen.pub',
  'pdfcoffee.com',
  'academia.edu',
  'wenku.baidu.com',
  'doc88.com',
  'docin.com',
  'book118.com',
  'taodocs.com',
]);

export function isSharingSite(host: string): boolean {
  for (const h of hostSuffixes(host)) if (SHARING.has(h)) return true;
  return false;
}
